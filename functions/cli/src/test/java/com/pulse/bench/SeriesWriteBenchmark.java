package com.pulse.bench;

import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.SeriesIds;
import com.pulse.domain.telemetry.aggregate.WindowAccumulator;
import com.pulse.domain.telemetry.aggregate.WindowAggregator;
import com.pulse.domain.telemetry.aggregate.WindowDocuments;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread cost of two steps every written series window version pays, through public API only
 * (so the same class measures an older build's core placed first on the class path):
 * <ul>
 *   <li>{@code seriesIdNew}: {@link SeriesIds#idOf} of a series it has not met (at 100,000 keys
 *       nearly every id of a write), cycling through 262,144 minute windows of 100,000 keys with the
 *       default bound of 32,768 ids;
 *   <li>{@code mergeUsers}: {@link WindowDocuments#merge} of a window with 20 users onto a stored
 *       version with 300 (HLL coupon set mode: a busy hour window at 1,000 keys), and
 *       {@code mergeNew} of a window with one user and no stored version (a minute window at
 *       100,000 keys).
 * </ul>
 * One JMH operation = one id or one merge. How to run: docs/PERFORMANCE.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SeriesWriteBenchmark {
  private static final long T0 = Instant.parse("2026-11-21T06:00:00Z").toEpochMilli();
  private static final Instant WRITTEN = Instant.parse("2026-11-21T06:10:00Z");
  private static final int IDS = 1 << 18;

  private WindowAccumulator[] sparse;
  private final SeriesIds ids = new SeriesIds();
  private int next;
  private WindowDocument stored;

  @Setup
  public void setUp() {
    sparse = new WindowAccumulator[IDS];
    int filled = 0;
    for (int done = 0; filled < IDS; ) { // every (key, minute) once: request n is key n % 100,000, minute n / 100,000
      WindowAggregator aggregator = new WindowAggregator();
      for (int i = 0; i < 4_096; i++, done++) {
        int key = done % 100_000;
        aggregator.beginEvent(done, T0);
        aggregator.request("tenant-" + key / 50, "service-" + key / 10 % 5, "operation-" + key % 10,
            T0 + (done / 100_000) * 60_000L, 12.5, false, "user-" + done);
      }
      for (WindowAccumulator w : aggregator.accumulators()) {
        if (w.granularity().iso().equals("PT1M") && filled < IDS) {
          sparse[filled++] = w;
        }
      }
    }
    stored = WindowDocuments.merge(null, window(300, 0), "0", WRITTEN).document();
  }

  /** A minute window of one series with {@code users} users numbered from {@code first}. */
  private static WindowAccumulator window(int users, int first) {
    WindowAggregator aggregator = new WindowAggregator();
    for (int u = 0; u < users; u++) {
      aggregator.beginEvent(first + u, T0);
      aggregator.request("tenant-1", "checkout", "GET /cart", T0, 10 + u % 50, false, "user-" + (first + u));
    }
    return aggregator.accumulators().stream().filter(w -> w.granularity().iso().equals("PT1M")).findFirst()
        .orElseThrow();
  }

  /** The id of a series the bounded cache does not hold. */
  @Benchmark
  public String seriesIdNew() {
    WindowAccumulator w = sparse[next];
    next = (next + 1) & (IDS - 1);
    return ids.idOf(w, "0");
  }

  /** The id of a series, computed (no cache). */
  @Benchmark
  public String seriesIdComputed() {
    WindowAccumulator w = sparse[next];
    next = (next + 1) & (IDS - 1);
    return WindowDocuments.idOf(w, "0");
  }

  /**
   * Fresh windows for each merge, as a batch's are (a window folds its users into a sketch once, so
   * merging the same window again would measure less than a batch pays); built outside the timing.
   */
  @State(Scope.Thread)
  public static class Fresh {
    WindowAccumulator busy;
    WindowAccumulator single;

    @Setup(Level.Invocation)
    public void build() {
      busy = window(20, 290); // 10 of its users are stored ones
      single = window(1, 1_000_000);
    }
  }

  /** 20 users merged onto a stored version with 300. */
  @Benchmark
  public WindowDocument mergeUsers(Fresh fresh) {
    return WindowDocuments.merge(stored, fresh.busy, "0", WRITTEN).document();
  }

  /** A new version of one request and one user. */
  @Benchmark
  public WindowDocument mergeNew(Fresh fresh) {
    return WindowDocuments.merge(null, fresh.single, "0", WRITTEN).document();
  }
}
