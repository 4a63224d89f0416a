package com.pulse.functions;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One log line that says which JIT compilers the worker's JVM runs with and the {@code -XX} options
 * that chose them, so that a deployment shows whether the host passed {@code javaWorkerArguments}
 * (the {@code languageWorkers__java__arguments} app setting) after the Java worker's own
 * {@code -XX:TieredStopAtLevel=1}: the later option wins, and it decides whether the telemetry path
 * runs C1 code or C2 code, about half or full speed (docs/PERFORMANCE.md, "which compiler the function
 * runs with"). Only {@code -XX} options are logged: other JVM arguments may carry values ({@code -D},
 * agents) that do not belong in a log.
 *
 * <p>Reading the options loads the JDK's management classes (about 40 ms and 335 classes in a fresh
 * JVM), so {@link #logLater} does it on a daemon thread after a delay, off the first batch's path.
 * Stateless and thread-safe.
 */
final class JvmCompilers {
  /** How long after start-up the worker logs the line. */
  static final Duration DELAY = Duration.ofSeconds(30);

  private JvmCompilers() {}

  /**
   * The line for given option values.
   *
   * @param tieredCompilation {@code -XX:+TieredCompilation}
   * @param tieredStopAtLevel the effective {@code TieredStopAtLevel} (0 interpreter, 1–3 C1, 4 C2)
   * @param tier4InvocationThreshold calls before C2 compiles a method (the JDK's default is 5,000)
   * @param inputArguments the JVM's arguments in command-line order; only {@code -XX} ones are kept
   * @return e.g. {@code JVM compilers: C1 and C2 (TieredStopAtLevel=4, Tier4InvocationThreshold=100000);
   *     -XX options: -XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4 …}
   */
  static String describe(boolean tieredCompilation, int tieredStopAtLevel, long tier4InvocationThreshold,
      List<String> inputArguments) {
    String compilers;
    if (!tieredCompilation) {
      compilers = "C2 only";
    } else if (tieredStopAtLevel <= 0) {
      compilers = "interpreter only";
    } else if (tieredStopAtLevel < 4) {
      compilers = "C1 only";
    } else {
      compilers = "C1 and C2";
    }
    String options = inputArguments.stream().filter(a -> a.startsWith("-XX:")).collect(Collectors.joining(" "));
    return "JVM compilers: " + compilers + " (TieredStopAtLevel=" + tieredStopAtLevel + ", Tier4InvocationThreshold="
        + tier4InvocationThreshold + "); -XX options: " + (options.isEmpty() ? "none" : options);
  }

  /**
   * The line for this JVM, read from its {@link HotSpotDiagnosticMXBean} and runtime arguments; a line
   * that says why when they cannot be read (a JVM that is not HotSpot). Never throws.
   */
  static String current() {
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return describe(Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue()),
          Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()),
          Long.parseLong(vm.getVMOption("Tier4InvocationThreshold").getValue()),
          ManagementFactory.getRuntimeMXBean().getInputArguments());
    } catch (RuntimeException | LinkageError e) {
      return "JVM compilers: unknown (" + e + ")";
    }
  }

  /**
   * Logs {@link #current} at INFO, once, {@code delay} from now, on a daemon thread named
   * {@code pulse-jvm-compilers}.
   *
   * @return the thread, started
   */
  static Thread logLater(Logger log, Duration delay) {
    Thread thread = new Thread(() -> {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      log.info(current());
    }, "pulse-jvm-compilers");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
