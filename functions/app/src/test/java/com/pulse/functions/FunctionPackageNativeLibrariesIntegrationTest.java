package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged function app ({@code package} writes {@code functions/app/target/azure-functions/pulse-func})
 * carries native libraries for its target only: Flex Consumption runs Linux on x86_64
 * ({@code bicep/modules/functionapp.bicep}). A jar whose classifier names another operating system or
 * architecture (netty's {@code -osx-aarch_64}, {@code -windows-x86_64}, ...) or that holds a library
 * for one under {@code META-INF/native/} (netty's convention) fails the test, and the one netty-tcnative
 * build that ships must match {@code netty-tcnative-classes}, which the Azure SDK resolves.
 *
 * <p>Not covered: jars that bundle every platform in one artifact under their own paths (JNA's
 * {@code com/sun/jna/<platform>/}, brought by azure-identity's token cache); they cannot be split by a
 * Maven exclusion.
 */
class FunctionPackageNativeLibrariesIntegrationTest {
  private static final Path LIB = Path.of("functions/app/target/azure-functions/pulse-func/lib");
  /** A platform classifier at the end of a jar name: {@code name-version-os-arch.jar}. */
  private static final Pattern CLASSIFIER = Pattern.compile(".*-(linux|osx|macos|windows|darwin)-([a-z0-9_]+)\\.jar");
  private static final String TCNATIVE = "netty-tcnative-boringssl-static-";
  private static final String TCNATIVE_CLASSES = "netty-tcnative-classes-";

  private static List<Path> jars() throws IOException {
    assertThat(LIB).as("run `./mvnw -pl functions/app -am package` first").isDirectory();
    try (Stream<Path> files = Files.list(LIB)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
  }

  /** A native library file name is for the target when it is a Linux {@code .so} built for x86_64. */
  static boolean isTargetLibrary(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".so") && name.contains("x86_64")
        && Stream.of("osx", "macos", "darwin", "windows", "win32").noneMatch(name::contains);
  }

  @Test
  void noJarIsClassifiedForAnotherPlatform() throws IOException {
    List<String> foreign = jars().stream().map(p -> p.getFileName().toString())
        .filter(n -> {
          Matcher m = CLASSIFIER.matcher(n);
          return m.matches() && !(m.group(1).equals("linux") && m.group(2).equals("x86_64"));
        }).toList();

    assertThat(foreign).as("jars built for another OS or architecture").isEmpty();
  }

  @Test
  void everyNettyStyleNativeLibraryIsForLinuxX8664() throws IOException {
    List<String> foreign = new ArrayList<>();
    List<String> target = new ArrayList<>();
    for (Path jar : jars()) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        zip.stream().map(ZipEntry::getName)
            .filter(e -> e.startsWith("META-INF/native/") && !e.endsWith("/"))
            .forEach(e -> (isTargetLibrary(e.substring(e.lastIndexOf('/') + 1)) ? target : foreign)
                .add(jar.getFileName() + "!" + e));
      }
    }

    assertThat(foreign).as("native libraries for another OS or architecture").isEmpty();
    assertThat(target).as("the target's own natives (tcnative, epoll) stay")
        .anyMatch(e -> e.contains("libnetty_tcnative_linux_x86_64.so"))
        .anyMatch(e -> e.contains("libnetty_transport_native_epoll_x86_64.so"));
  }

  @Test
  void theOneTcnativeBuildMatchesTheTcnativeClasses() throws IOException {
    List<String> names = jars().stream().map(p -> p.getFileName().toString()).toList();
    List<String> builds = names.stream().filter(n -> n.startsWith(TCNATIVE)).toList();
    List<String> classes = names.stream().filter(n -> n.startsWith(TCNATIVE_CLASSES)).toList();

    assertThat(builds).singleElement().satisfies(b -> assertThat(b).endsWith("-linux-x86_64.jar"));
    assertThat(classes).hasSize(1);
    String buildVersion = builds.get(0).substring(TCNATIVE.length(), builds.get(0).length() - "-linux-x86_64.jar".length());
    String classesVersion = classes.get(0).substring(TCNATIVE_CLASSES.length(), classes.get(0).length() - ".jar".length());
    assertThat(buildVersion).isEqualTo(classesVersion);
  }

  @Test
  void theTargetRuleAcceptsOnlyLinuxX8664Libraries() {
    assertThat(isTargetLibrary("libnetty_tcnative_linux_x86_64.so")).isTrue();
    assertThat(isTargetLibrary("libnetty_transport_native_epoll_x86_64.so")).isTrue();
    assertThat(isTargetLibrary("libnetty_tcnative_linux_aarch_64.so")).isFalse();
    assertThat(isTargetLibrary("libnetty_tcnative_osx_x86_64.jnilib")).isFalse();
    assertThat(isTargetLibrary("libnetty_resolver_dns_native_macos_x86_64.jnilib")).isFalse();
    assertThat(isTargetLibrary("netty_tcnative_windows_x86_64.dll")).isFalse();
  }
}
