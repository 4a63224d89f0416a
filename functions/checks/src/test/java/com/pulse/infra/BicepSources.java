package com.pulse.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the repository's {@code bicep/} folder from the working directory (Maven runs tests with
 * the project base directory as working directory; IDEs may start one level down) and loads its
 * {@code .bicep} files. Test-only; thread-safe (stateless).
 */
final class BicepSources {
  private BicepSources() {}

  /**
   * The repository root: the nearest ancestor of the working directory with {@code bicep/main.bicep}.
   *
   * @throws IllegalStateException if none is found
   */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("bicep/main.bicep"))) {
        return dir;
      }
    }
    throw new IllegalStateException("bicep/main.bicep not found above " + Path.of("").toAbsolutePath());
  }

  /** {@code bicep/} under the repository root. */
  static Path bicepDir() {
    return repositoryRoot().resolve("bicep");
  }

  /** {@code bicep/main.bicep}. */
  static BicepFile main() {
    return BicepFile.read(bicepDir().resolve("main.bicep"));
  }

  /** One file under {@code bicep/}, e.g. {@code modules/cosmos.bicep}. */
  static BicepFile file(String relative) {
    return BicepFile.read(bicepDir().resolve(relative));
  }

  /** Every {@code .bicep} file under {@code bicep/}, sorted by path. */
  static List<BicepFile> all() {
    return paths(".bicep").stream().map(BicepFile::read).toList();
  }

  /** Every file under {@code bicep/} whose name ends with {@code suffix}, sorted by path. */
  static List<Path> paths(String suffix) {
    try (Stream<Path> files = Files.walk(bicepDir())) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(p -> !p.toString().contains("/.azure/"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
