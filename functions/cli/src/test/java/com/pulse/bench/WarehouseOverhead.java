package com.pulse.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The warehouse engine's own overhead, measured so that it can be read on a shared, over-subscribed
 * machine (companion to {@link WarehouseBenchmark}, same approach as {@link CpuTimeThroughput}):
 * in one JVM, warmed up, it runs the {@link WarehouseBenchmark} methods round after round, the
 * variants interleaved in every round so that drift in machine load hits them alike:
 * <ul>
 *   <li>{@code bare}: {@link WarehouseBenchmark#catalogBareJdbc} — the sample catalog's SQL, one
 *       window per metric, over bare JDBC, every cell read;</li>
 *   <li>{@code engine-discard}: {@link WarehouseBenchmark#catalogEngineDiscardingStore} — the same
 *       windows through {@code MetricRunner} (query, point assembly with ids, export records, job
 *       state), the store discarding points (the Cosmos DB store is network-bound in Azure);</li>
 *   <li>{@code engine-memory}: {@link WarehouseBenchmark#catalogEngine} — the same into the
 *       in-memory store (a new one per run, so every point is retained, then collected).</li>
 * </ul>
 * Per run it records the <em>process</em> CPU time
 * ({@link com.sun.management.OperatingSystemMXBean#getProcessCpuTime}: the calling thread plus
 * DuckDB's worker threads and the GC, which all do the run's work, but not the processes competing
 * for the cores), the calling thread's CPU time and allocated bytes
 * ({@link com.sun.management.ThreadMXBean}), and wall time. It prints the median of each over the
 * measured rounds and the overhead {@code median(engine) / median(bare) - 1}; the engine's extra
 * work per point is {@code (engine - bare) / points}.
 *
 * <p>Usage: {@code java -Xms2g -Xmx2g -cp ... com.pulse.bench.WarehouseOverhead [scaleFactor]
 * [warmupRounds] [rounds] [variant]} (defaults {@code 1 5 15}, all variants; naming one variant
 * runs only that one, for a profiler); the DuckDB file is {@code
 * .pulse/bench/tpch-sf<scaleFactor>.duckdb}, generated on first use.
 */
public final class WarehouseOverhead {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final String[] VARIANTS = {"bare", "engine-discard", "engine-memory"};
  private static final String[] MEASURES = {"process cpu ms", "thread cpu ms", "wall ms", "thread MB alloc"};

  private WarehouseOverhead() {}

  public static void main(String[] args) throws Exception {
    double scaleFactor = args.length > 0 ? Double.parseDouble(args[0]) : 1;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    String only = args.length > 3 ? args[3] : null;
    Blackhole bh = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    WarehouseBenchmark b = new WarehouseBenchmark();
    b.scaleFactor = scaleFactor;
    b.setUp();
    long[] points = new long[1];
    @SuppressWarnings("unchecked")
    Callable<Long>[] runs = new Callable[] {
        () -> {
          b.catalogBareJdbc(bh);
          return 0L;
        },
        () -> points[0] = b.catalogEngineDiscardingStore(),
        () -> points[0] = b.catalogEngine()};
    // [variant][measure][round]
    double[][][] samples = new double[VARIANTS.length][MEASURES.length][rounds];
    for (int round = -warmup; round < rounds; round++) {
      for (int k = 0; k < VARIANTS.length; k++) {
        // rotate the order every round, so no variant always runs right after the allocation-heavy one
        int v = Math.floorMod(k + round, VARIANTS.length);
        if (only != null && !VARIANTS[v].equals(only)) {
          continue;
        }
        System.gc();
        double[] m = measure(runs[v]);
        if (round >= 0) {
          for (int i = 0; i < MEASURES.length; i++) {
            samples[v][i][round] = m[i];
          }
        }
      }
      System.err.printf(Locale.ROOT, "round %d done%n", round);
    }
    b.tearDown();
    bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");

    System.out.printf(Locale.ROOT, "SF %s, %d points per engine run, %d warm-up + %d measured rounds, medians%n",
        scaleFactor, points[0], warmup, rounds);
    System.out.printf(Locale.ROOT, "%-16s", "variant");
    for (String m : MEASURES) {
      System.out.printf(Locale.ROOT, " %16s", m);
    }
    System.out.println();
    double[][] medians = new double[VARIANTS.length][MEASURES.length];
    for (int v = 0; v < VARIANTS.length; v++) {
      System.out.printf(Locale.ROOT, "%-16s", VARIANTS[v]);
      for (int i = 0; i < MEASURES.length; i++) {
        double[] s = samples[v][i].clone();
        Arrays.sort(s);
        medians[v][i] = s[rounds / 2];
        System.out.printf(Locale.ROOT, " %16.1f", medians[v][i]);
      }
      System.out.println();
    }
    for (int v = 1; v < VARIANTS.length && only == null; v++) {
      System.out.printf(Locale.ROOT,
          "%s vs bare: process cpu %+.1f %%, wall %+.1f %%; extra per point: %.0f ns cpu, %.0f B alloc%n",
          VARIANTS[v], pct(medians[v][0], medians[0][0]), pct(medians[v][2], medians[0][2]),
          (medians[v][0] - medians[0][0]) * 1e6 / points[0],
          (medians[v][3] - medians[0][3]) * 1e6 / points[0]);
    }
  }

  private static double pct(double engine, double bare) {
    return (engine / bare - 1) * 100;
  }

  /** {process CPU ms, thread CPU ms, wall ms, thread MB allocated} of one call. */
  private static double[] measure(Callable<Long> run) throws Exception {
    long id = Thread.currentThread().getId();
    long bytes0 = THREADS.getThreadAllocatedBytes(id);
    long process0 = OS.getProcessCpuTime();
    long thread0 = THREADS.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    run.call();
    long wall = System.nanoTime() - wall0;
    long thread = THREADS.getCurrentThreadCpuTime() - thread0;
    long process = OS.getProcessCpuTime() - process0;
    long bytes = THREADS.getThreadAllocatedBytes(id) - bytes0;
    return new double[] {process / 1e6, thread / 1e6, wall / 1e6, bytes / 1e6};
  }
}
