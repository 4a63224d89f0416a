package com.pulse.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Companion to the JMH run for a shared, over-subscribed machine: runs the same
 * {@link TelemetryDecodeBenchmark} and {@link AggregationBenchmark} methods on one thread and divides
 * the requests processed by the <em>CPU time</em> of that thread
 * ({@link java.lang.management.ThreadMXBean#getCurrentThreadCpuTime}), so other processes competing
 * for the cores do not count against the result: requests per CPU-second = per core. Also reports
 * bytes allocated per request ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}).
 * Each variant warms up for {@code warmupCpuMillis} of CPU, then measures {@value #ROUNDS} rounds of
 * {@code measureCpuMillis} of CPU each and prints the median (and the range). Run one format per JVM
 * (the filter argument) so that JIT profiles of one format do not slow another, as JMH forks do.
 *
 * <p>Usage: {@code java -cp ... com.pulse.bench.CpuTimeThroughput [warmupCpuMillis] [measureCpuMillis]
 * [filter]}, where {@code filter} is a substring of {@code FORMAT.variant} (default: all).
 */
public final class CpuTimeThroughput {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private CpuTimeThroughput() {}

  /** Measurement rounds per variant; the median is reported. */
  private static final int ROUNDS = 3;

  private static String filter = "";

  public static void main(String[] args) throws Exception {
    filter = args.length > 2 ? args[2] : "";
    long warmupNanos = (args.length > 0 ? Long.parseLong(args[0]) : 2_000) * 1_000_000L;
    long measureNanos = (args.length > 1 ? Long.parseLong(args[1]) : 3_000) * 1_000_000L;
    Blackhole bh = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    System.out.printf(Locale.ROOT, "%-14s %-20s %14s %12s%n", "format", "variant", "requests/cpu-s", "B/request");
    for (TelemetryDecodeBenchmark.Format format : TelemetryDecodeBenchmark.Format.values()) {
      TelemetryDecodeBenchmark b = new TelemetryDecodeBenchmark();
      b.format = format;
      b.createCorpus();
      b.resetState();
      run(format.name(), "decodeAndAggregate", b::decodeAndAggregate, warmupNanos, measureNanos);
      run(format.name(), "decodeOnly", b::decodeOnly, warmupNanos, measureNanos);
      run(format.name(), "bareParse", () -> {
        b.bareParse(bh);
        return 0L;
      }, warmupNanos, measureNanos);
      run(format.name(), "naiveBaseline", () -> {
        b.resetState();
        return b.naiveBaseline();
      }, warmupNanos, measureNanos);
    }
    AggregationBenchmark a = new AggregationBenchmark();
    a.decodeCorpus();
    a.newAggregator();
    run("-", "aggregate", a::aggregate, warmupNanos, measureNanos);
    bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
  }

  private static void run(String format, String variant, Callable<Long> invocation, long warmupNanos,
      long measureNanos) throws Exception {
    if (!(format + "." + variant).contains(filter)) {
      return;
    }
    measure(format, variant, invocation, TelemetryCorpus.REQUESTS, warmupNanos, measureNanos);
  }

  /**
   * Warms {@code invocation} up for {@code warmupNanos} of this thread's CPU time, then measures
   * {@value #ROUNDS} rounds of {@code measureNanos} each and prints one row: the median units per
   * CPU-second (and the range) and the bytes allocated per unit.
   *
   * @param unitsPerInvocation what one call processes (requests, log records)
   * @throws Exception as {@code invocation} does
   */
  static void measure(String format, String variant, Callable<Long> invocation, double unitsPerInvocation,
      long warmupNanos, long measureNanos) throws Exception {
    long sink = 0;
    long start = THREADS.getCurrentThreadCpuTime();
    while (THREADS.getCurrentThreadCpuTime() - start < warmupNanos) {
      sink += invocation.call();
    }
    long id = Thread.currentThread().getId();
    double[] rates = new double[ROUNDS];
    double bytesPerUnit = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long bytes0 = THREADS.getThreadAllocatedBytes(id);
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long invocations = 0;
      long cpu;
      do {
        sink += invocation.call();
        invocations++;
        cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
      } while (cpu < measureNanos);
      long bytes = THREADS.getThreadAllocatedBytes(id) - bytes0;
      double units = invocations * unitsPerInvocation;
      rates[round] = units / (cpu / 1e9);
      bytesPerUnit = bytes / units;
    }
    java.util.Arrays.sort(rates);
    System.out.printf(Locale.ROOT, "%-14s %-20s %14.0f %12.1f   (rounds: %.0f .. %.0f)%s%n", format,
        variant, rates[ROUNDS / 2], bytesPerUnit, rates[0], rates[ROUNDS - 1],
        sink == 42 ? " " : "");
  }
}
