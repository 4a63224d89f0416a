package com.pulse.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain's {@code internal} packages (byte-level codecs and collections, docs/ARCHITECTURE.md
 * §1 "Internal packages") are used by the domain itself and by no other production class apart from
 * the warehouse engine's point builder and the ADX row and tenant window JSON writers, so the model is what the rest of Pulse reads. Scans the main
 * sources of every module (working directory: the repository root).
 */
class InternalPackagesTest {
  private static final Pattern INTERNAL_IMPORT =
      Pattern.compile("^import (com\\.pulse\\.domain\\.[a-z.]*\\binternal\\b[A-Za-z.]*);", Pattern.MULTILINE);
  /** Production classes outside {@code com.pulse.domain} allowed to use internals, with the reason. */
  private static final Set<String> ALLOWED = Set.of(
      // builds every point of a window with one PointIdHasher and shared SortedArrayMap.Keys (hot path)
      "functions/core/src/main/java/com/pulse/app/PointAssembler.java",
      // formats the instants of every ADX row with the ids' IsoInstants, not DateTimeFormatter (hot path)
      "functions/core/src/main/java/com/pulse/adapter/json/AdxRows.java",
      // formats the instants of every tenant window document written to Cosmos DB the same way (hot path)
      "functions/app/src/main/java/com/pulse/adapter/cosmos/TenantWindowJson.java");

  @Test
  void onlyTheDomainImportsItsInternalPackages() throws IOException {
    List<String> offenders = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(Path.of("functions"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
          .toList()) {
        scanned++;
        String path = file.toString().replace('\\', '/');
        if (path.contains("/com/pulse/domain/") || ALLOWED.contains(path)) {
          continue;
        }
        Matcher m = INTERNAL_IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          offenders.add(path + " imports " + m.group(1));
        }
      }
    }
    assertThat(scanned).as("main sources found under functions/").isGreaterThan(100);
    assertThat(offenders).as("imports of domain internals outside the domain").isEmpty();
  }

  @Test
  void theAllowedExceptionsStillExist() {
    assertThat(ALLOWED).allSatisfy(path -> assertThat(Path.of(path)).isRegularFile());
  }
}
