package com.pulse.adapter.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.adapter.json.JsonMappers;
import com.pulse.app.port.DeadLetterStore;
import com.pulse.domain.telemetry.DeadLetter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DeadLetterStore} persisted as JSON lines (one {@link DeadLetter} per line, Jackson) so the
 * CLI keeps dead letters across commands (default {@code .pulse/deadletter.jsonl}): an
 * {@link InMemoryDeadLetterStore} whose contents are rewritten atomically (temp file + move) after
 * every change. Thread-safe within one process; not for concurrent processes.
 */
public final class FileDeadLetterStore implements DeadLetterStore {
  private static final ObjectMapper JSON = JsonMappers.iso();
  private final Path file;
  private final InMemoryDeadLetterStore memory;

  /**
   * Opens (and loads) the store at {@code file}; a missing file is an empty store.
   *
   * @throws UncheckedIOException if the file exists but cannot be read or parsed
   */
  public FileDeadLetterStore(Path file) {
    this.file = file;
    this.memory = new InMemoryDeadLetterStore(this::save);
    if (Files.exists(file)) {
      List<DeadLetter> loaded = new ArrayList<>();
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            loaded.add(JSON.readValue(line, DeadLetter.class));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read dead letters from " + file, e);
      }
      memory.load(loaded);
    }
  }

  /** @throws UncheckedIOException if the file cannot be written */
  @Override
  public void writeAll(List<DeadLetter> deadLetters) {
    memory.writeAll(deadLetters);
  }

  @Override
  public List<DeadLetter> list(String partition, int limit) {
    return memory.list(partition, limit);
  }

  @Override
  public long count() {
    return memory.count();
  }

  /** @throws UncheckedIOException if the file cannot be written */
  @Override
  public void delete(DeadLetter deadLetter) {
    memory.delete(deadLetter);
  }

  private void save(List<DeadLetter> all) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, "deadletter", ".tmp");
      StringBuilder out = new StringBuilder();
      for (DeadLetter d : all) {
        out.append(JSON.writeValueAsString(d)).append('\n');
      }
      Files.writeString(tmp, out, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dead letters to " + file, e);
    }
  }
}
