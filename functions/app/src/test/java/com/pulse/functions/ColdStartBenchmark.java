package com.pulse.functions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whole-process CPU (user + sys) of a new JVM from start to the first handled batch
 * ({@link ColdStartProbe}, local mode) beside {@code java -version}, without and with the
 * class-data-sharing archive that {@code ./mvnw -Pcoldstart package} dumps, median of interleaved
 * rounds. Each child runs under {@code /usr/bin/time} (Linux: CPU times from the child's rusage,
 * 10 ms resolution); one more run per variant with {@code -Xlog:class+load} counts the classes loaded
 * and how many came from an archive. Prints a Markdown table; run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -Pcoldstart -pl functions/app -am package -DskipTests
 * java -cp 'functions/app/target/coldstart/*' com.pulse.functions.ColdStartBenchmark 7
 * }</pre>
 *
 * <p>The children use this JVM's {@code java} executable: the archive is valid only for the JDK build
 * that dumped it. Not thread-safe (a main class).
 */
public final class ColdStartBenchmark {
  private static final Path APP = Path.of("functions/app/target").toAbsolutePath();
  private static final Path STAGED = APP.resolve("azure-functions/pulse-func");
  private static final Path COLDSTART = APP.resolve("coldstart");
  private static final Path ARCHIVE = COLDSTART.resolve("pulse.jsa");
  /** What the Java worker puts before {@code -jar} (azure-functions-java-worker worker.config.json). */
  private static final List<String> WORKER_FLAGS = List.of(
      "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-noverify", "-Djava.net.preferIPv4Stack=true");
  /** Where prod's {@code javaWorkerArguments} are set, and how they are read. */
  private static final Path PROD_PARAMETERS = Path.of("bicep/prod.bicepparam");
  private static final Pattern JAVA_WORKER_ARGUMENTS = Pattern.compile("(?m)^param javaWorkerArguments = '([^']*)'$");

  private ColdStartBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code [rounds]}, default 7
   * @throws IOException if a child cannot be started or its timing file read
   * @throws InterruptedException if interrupted while waiting for a child
   * @throws IllegalStateException if the package or archive is missing, or a child fails
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    if (!Files.isRegularFile(ARCHIVE)) {
      throw new IllegalStateException(ARCHIVE + " missing: run `./mvnw -B -Pcoldstart -pl functions/app -am package -DskipTests`");
    }
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> probe = List.of("-cp", classPath(), "com.pulse.functions.ColdStartProbe", COLDSTART.resolve("local").toString());
    String share = "-XX:SharedArchiveFile=" + ARCHIVE;
    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put("`java -version`", List.of("-version"));
    variants.put("first batch, no archive", probe);
    variants.put("first batch, no archive, the worker's flags (C1 only, -noverify)", concat(WORKER_FLAGS, probe));
    variants.put("first batch, no archive, the worker's flags + `-XX:TieredStopAtLevel=4`",
        concat(concat(WORKER_FLAGS, List.of("-XX:TieredStopAtLevel=4")), probe));
    variants.put("first batch, no archive, the worker's flags + prod's `javaWorkerArguments` (C2 for hot code)",
        concat(concat(WORKER_FLAGS, prodWorkerArguments()), probe));
    variants.put("first batch, archive", concat(List.of(share), probe));
    variants.put("first batch, archive + `-XX:TieredStopAtLevel=1`", concat(List.of(share, "-XX:TieredStopAtLevel=1"), probe));
    variants.put("first batch, archive + the worker's flags", concat(concat(List.of(share), WORKER_FLAGS), probe));

    Map<String, List<double[]>> samples = new LinkedHashMap<>();
    variants.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, List<String>> v : variants.entrySet()) {
        samples.get(v.getKey()).add(timed(java, v.getValue()));
      }
    }
    System.out.println("| run (" + rounds + " rounds, medians) | CPU user+sys s | user s | sys s | wall s | classes loaded (from an archive) |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    for (Map.Entry<String, List<String>> v : variants.entrySet()) {
      List<double[]> s = samples.get(v.getKey());
      long[] classes = classes(java, v.getValue());
      System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f | %,d (%,d) |%n", v.getKey(), median(s, 3), median(s, 0),
          median(s, 1), median(s, 2), classes[0], classes[1]);
    }
    System.out.println("JDK: " + System.getProperty("java.vm.version") + ", " + Runtime.getRuntime().availableProcessors()
        + " CPUs; archive " + Files.size(ARCHIVE) / 1_000_000.0 + " MB");
  }

  /**
   * Prod's {@code javaWorkerArguments} ({@code bicep/prod.bicepparam}), split on whitespace as the host
   * splits {@code languageWorkers__java__arguments}; they follow {@link #WORKER_FLAGS}, and a later
   * {@code -XX} option wins (docs/PERFORMANCE.md, "which compiler the function runs with").
   *
   * @throws IllegalStateException if the file does not set them
   */
  static List<String> prodWorkerArguments() throws IOException {
    Matcher m = JAVA_WORKER_ARGUMENTS.matcher(Files.readString(PROD_PARAMETERS, StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new IllegalStateException(PROD_PARAMETERS + " does not set javaWorkerArguments");
    }
    return List.of(m.group(1).trim().split("\\s+"));
  }

  /** The staged package as the worker would load it, then the worker's own jars and the probe. */
  static String classPath() throws IOException {
    try (Stream<Path> app = Files.list(STAGED)) {
      Path jar = app.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no jar in " + STAGED));
      return String.join(java.io.File.pathSeparator, jar.toString(), STAGED.resolve("lib") + "/*", COLDSTART + "/*");
    }
  }

  /** {user, sys, wall, user + sys} seconds of one child run. */
  private static double[] timed(String java, List<String> arguments) throws IOException, InterruptedException {
    Path times = Files.createTempFile("coldstart", ".time");
    try {
      List<String> command = concat(List.of("/usr/bin/time", "-f", "%U %S %e", "-o", times.toString(), java), arguments);
      run(command);
      double[] t = Arrays.stream(Files.readString(times, StandardCharsets.UTF_8).trim().split("\\s+"))
          .mapToDouble(Double::parseDouble).toArray();
      return new double[] {t[0], t[1], t[2], t[0] + t[1]};
    } finally {
      Files.deleteIfExists(times);
    }
  }

  /** {loaded, from an archive} of one run with class loading logged to a file. */
  private static long[] classes(String java, List<String> arguments) throws IOException, InterruptedException {
    Path log = Files.createTempFile("coldstart", ".classes");
    try {
      run(concat(List.of(java, "-Xlog:class+load=info:file=" + log), arguments));
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return new long[] {lines.size(), lines.stream().filter(l -> l.contains("source: shared objects file")).count()};
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + output);
    }
    if (output.contains("Unable to use shared archive")) {
      throw new IllegalStateException("archive rejected (dumped by another JDK build or class path?): " + output);
    }
  }

  private static double median(List<double[]> samples, int column) {
    double[] values = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
