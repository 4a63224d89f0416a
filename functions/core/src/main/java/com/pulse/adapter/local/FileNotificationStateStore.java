package com.pulse.adapter.local;

import com.pulse.app.port.NotificationStateStore;
import com.pulse.domain.notify.NotificationState;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@link NotificationStateStore} as one JSON file per tenant under a directory (the CLI's
 * {@code .pulse/notifications/}), so dedup survives process restarts locally: a second
 * {@code pulse demo} does not re-send what the first one sent. Each write replaces the tenant's
 * file atomically. Thread-safe within one process.
 */
public final class FileNotificationStateStore implements NotificationStateStore {
  private final JsonFiles files;

  /** @param directory where the files live (created on first write) */
  public FileNotificationStateStore(Path directory) {
    this.files = new JsonFiles(directory);
  }

  /** @throws UncheckedIOException if the file exists but cannot be read */
  @Override
  public Optional<NotificationState> read(String tenantId) {
    return files.read(tenantId, JsonFiles.type(NotificationState.class));
  }

  /** @throws UncheckedIOException if the file cannot be written */
  @Override
  public void write(NotificationState state) {
    files.write(state.tenantId(), state);
  }
}
