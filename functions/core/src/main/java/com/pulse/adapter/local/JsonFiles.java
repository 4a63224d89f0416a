package com.pulse.adapter.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JavaType;
import com.pulse.adapter.json.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * One JSON document per key in a directory, written atomically (temp file + atomic move), so a
 * crash leaves the old or the new document, never half of one. Keys are URL-encoded into file
 * names ({@code *} becomes {@code %2A}), so any key maps to one safe name. Thread-safe for
 * distinct keys; not for concurrent processes writing the same key.
 */
final class JsonFiles {
  private static final ObjectMapper JSON = JsonMappers.iso();
  private final Path directory;

  JsonFiles(Path directory) {
    this.directory = directory;
  }

  <T> Optional<T> read(String key, JavaType type) {
    Path file = file(key);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), type));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  void write(String key, Object value) {
    Path file = file(key);
    try {
      Files.createDirectories(directory);
      Path tmp = Files.createTempFile(directory, ".write", ".tmp");
      JSON.writeValue(tmp.toFile(), value);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  void delete(String key) {
    try {
      Files.deleteIfExists(file(key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file(key), e);
    }
  }

  static JavaType type(Class<?> raw) {
    return JSON.getTypeFactory().constructType(raw);
  }

  static JavaType listOf(Class<?> element) {
    return JSON.getTypeFactory().constructCollectionType(java.util.List.class, element);
  }

  private Path file(String key) {
    String name = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("*", "%2A");
    if (name.startsWith(".")) {
      name = "%2E" + name.substring(1);
    }
    return directory.resolve(name + ".json");
  }
}
