package com.pulse.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root (the directory holding {@code pom.xml} and {@code .ci/}) and reads its files. */
final class Repository {

  private Repository() {}

  /**
   * Returns the repository root: the working directory or the nearest parent with {@code pom.xml} and {@code .ci}.
   *
   * @throws IllegalStateException when no such directory exists
   */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve(".ci"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("repository root (pom.xml + .ci/) not found from " + Path.of("").toAbsolutePath());
  }

  /**
   * Reads a UTF-8 file relative to the repository root.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  static String read(String relativePath) {
    try {
      return Files.readString(root().resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relativePath, e);
    }
  }
}
