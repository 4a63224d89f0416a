package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testing.RecordingLogHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged function app ({@code package} writes {@code target/azure-functions/pulse-func}) has
 * exactly one SLF4J binding, at the version of its {@code slf4j-api}, that hands the Azure SDK's logs
 * to {@code java.util.logging} (the Java worker's handler) without any {@code SLF4J:} line on stderr,
 * and it does not ship the worker's own {@code azure-functions-java-spi}.
 */
class FunctionPackageLoggingIntegrationTest {
  private static final Path LIB = Path.of("functions/app/target/azure-functions/pulse-func/lib");
  /** Artifacts that bind SLF4J 1.7 ({@code StaticLoggerBinder}) or provide SLF4J 2 ({@code SLF4JServiceProvider}). */
  private static final List<String> BINDINGS = List.of("slf4j-jdk14", "slf4j-nop", "slf4j-simple", "slf4j-log4j12",
      "slf4j-reload4j", "slf4j-jdk-platform-logging", "logback-classic", "log4j-slf4j-impl", "log4j-slf4j2-impl");

  private static List<String> jars() throws IOException {
    assertThat(LIB).as("run `./mvnw -pl functions/app -am package` first").isDirectory();
    try (Stream<Path> files = Files.list(LIB)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
    }
  }

  @Test
  void thePackageHasExactlyOneSlf4jBindingMatchingItsApi() throws IOException {
    List<String> jars = jars();
    List<String> bindings = jars.stream().filter(j -> BINDINGS.stream().anyMatch(b -> j.startsWith(b + "-"))).toList();
    List<String> apis = jars.stream().filter(j -> j.startsWith("slf4j-api-")).toList();

    assertThat(bindings).hasSize(1).allMatch(j -> j.startsWith("slf4j-jdk14-"));
    assertThat(apis).hasSize(1);
    assertThat(bindings.get(0).substring("slf4j-jdk14-".length())).isEqualTo(apis.get(0).substring("slf4j-api-".length()));
    assertThat(jars).noneMatch(j -> j.startsWith("azure-functions-java-spi-"));
  }

  @Test
  void sdkLogsReachJavaUtilLoggingWithoutAnSlf4jLineOnStderr() throws Exception {
    List<String> jars = jars();
    URL[] urls = jars.stream().filter(j -> j.startsWith("slf4j-")).map(j -> {
      try {
        return LIB.resolve(j).toUri().toURL();
      } catch (java.net.MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }).toArray(URL[]::new);
    Logger sdk = Logger.getLogger("com.azure.test.packaged");
    RecordingLogHandler capture = new RecordingLogHandler();
    List<LogRecord> records = capture.records();
    sdk.addHandler(capture);
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      Class<?> factory = loader.loadClass("org.slf4j.LoggerFactory");
      Object logger = factory.getMethod("getLogger", String.class).invoke(null, "com.azure.test.packaged");
      logger.getClass().getMethod("warn", String.class).invoke(logger, "throttled, retrying");
    } finally {
      System.setErr(stderr);
      sdk.removeHandler(capture);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("SLF4J");
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.getLevel()).isEqualTo(Level.WARNING);
      assertThat(r.getMessage()).isEqualTo("throttled, retrying");
    });
  }
}
