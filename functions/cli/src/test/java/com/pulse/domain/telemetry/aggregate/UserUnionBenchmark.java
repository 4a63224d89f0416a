package com.pulse.domain.telemetry.aggregate;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread cost of a window's users merged onto the stored users of its series, as a write does
 * with the sketch it kept from the previous write ({@link UserSketches#union}): {@code direct}, the
 * window's buffered hashes offered to the union ({@link WindowAccumulator#offerUsersTo}), against
 * {@code throughSketch}, the window's users first folded into a sketch of their own
 * ({@link WindowAccumulator#users}) that the union then takes. Half of the window's users are stored
 * ones. A fresh window per operation, built outside the timing, as each batch's windows are new.
 * Parameters: stored users, window users ({@code 0/1}: a new series of one user, as at 100,000 keys;
 * {@code 300/20}: a busy hour at 1,000 keys; {@code 3000/200}: HLL mode). In the benchmarks'
 * module for their JMH set-up, in this package for the package-private methods. How to run:
 * docs/PERFORMANCE.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class UserUnionBenchmark {
  @Param({"0/1", "300/20", "3000/200"})
  public String storedAndWindowUsers;

  private byte[] image;
  private org.apache.datasketches.hll.HllSketch kept;
  private int windowUsers;
  private int firstWindowUser;
  private WindowAccumulator window;
  private int salt;

  @Setup
  public void setUp() {
    String[] counts = storedAndWindowUsers.split("/");
    int stored = Integer.parseInt(counts[0]);
    windowUsers = Integer.parseInt(counts[1]);
    firstWindowUser = stored - windowUsers / 2;
    if (stored == 0) {
      image = new byte[0];
    } else {
      UserSketches.Merged merged = UserSketches.union(new byte[0], null, window(stored, 0, 0));
      image = merged.image();
      kept = merged.sketch();
    }
  }

  /** The window of the next operation: its stored half the same users each time, its new half new. */
  @Setup(Level.Invocation)
  public void nextWindow() {
    window = window(windowUsers, firstWindowUser, ++salt);
  }

  private static WindowAccumulator window(int users, int first, int salt) {
    WindowAccumulator w = new WindowAccumulator("contoso", "checkout", null, "GET /cart", Granularity.MINUTE, 0L, 0);
    for (int u = 0; u < users; u++) {
      boolean stored = u < users / 2 || salt == 0;
      w.add(10.0, 0, false, false, true, UserSketches.hash64("user-" + (first + u) + (stored ? "" : "/" + salt)), u);
    }
    return w;
  }

  @Benchmark
  public byte[] direct() {
    return UserSketches.union(image, kept, window).image();
  }

  /** The path before 2026-12-02: a sketch of the window's users, which the union then takes in. */
  @Benchmark
  public long throughSketch() {
    org.apache.datasketches.hll.Union union = new org.apache.datasketches.hll.Union(UserSketches.LG_K);
    if (kept != null) {
      union.update(kept);
    }
    union.update(window.users());
    org.apache.datasketches.hll.HllSketch result = union.getResult(org.apache.datasketches.hll.TgtHllType.HLL_8);
    return result.toCompactByteArray().length + Math.round(result.getCompositeEstimate());
  }
}
