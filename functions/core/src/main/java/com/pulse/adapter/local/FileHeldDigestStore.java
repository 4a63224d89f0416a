package com.pulse.adapter.local;

import com.pulse.app.port.HeldDigestStore;
import com.pulse.domain.notify.DigestEmail;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link HeldDigestStore} as one JSON file per recipient under a directory (the CLI's
 * {@code .pulse/notifications/held/}), removed when nothing is held. Thread-safe within one process.
 */
public final class FileHeldDigestStore implements HeldDigestStore {
  private final JsonFiles files;

  /** @param directory where the files live (created on first write) */
  public FileHeldDigestStore(Path directory) {
    this.files = new JsonFiles(directory);
  }

  /** @throws UncheckedIOException if the file exists but cannot be read */
  @Override
  public List<DigestEmail> held(String recipient) {
    return files.<List<DigestEmail>>read(recipient, JsonFiles.listOf(DigestEmail.class)).orElse(List.of());
  }

  /** @throws UncheckedIOException if the file cannot be written */
  @Override
  public void hold(String recipient, List<DigestEmail> digests) {
    List<DigestEmail> kept = HeldDigests.newest(digests);
    if (kept.isEmpty()) {
      files.delete(recipient);
    } else {
      files.write(recipient, kept);
    }
  }
}
