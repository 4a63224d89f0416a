package com.pulse.bench;

import com.pulse.domain.telemetry.aggregate.UserSketches;
import java.util.Locale;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Measured error of Pulse's distinct-user estimate, for docs/PERFORMANCE.md: sketches configured
 * exactly as {@link UserSketches} ({@code lgK = 12}, {@code HLL_8}) fed with {@link UserSketches#hash64}
 * of distinct user ids, for 100 to 1,000,000 users. Per size it runs {@code trials} independent
 * streams and prints the RMS and the largest relative error of (1) one sketch and (2) the union of
 * four partition sketches in which a third of the users appear on two partitions, as the HTTP API
 * and the hourly documents merge them, both with the composite estimator Pulse reports, and (3) the
 * RMS error of one sketch's HIP estimate, which Pulse does not use (it depends on update order). The theoretical relative standard error of HLL at lgK 12 is
 * about 1.04 / sqrt(4096) ≈ 1.6% (Flajolet et al., "HyperLogLog", 2007; DataSketches HLL docs,
 * https://datasketches.apache.org/docs/HLL/HLL.html).
 *
 * <p>Usage: {@code java -cp ... com.pulse.bench.HllAccuracy [trials]} (default 100). Deterministic.
 */
public final class HllAccuracy {
  private HllAccuracy() {}

  /** @param args optional number of trials per size */
  public static void main(String[] args) {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    System.out.printf(Locale.ROOT, "%10s %8s %12s %12s %16s %12s%n", "users", "trials", "rms err", "max err", "union-of-4 rms",
        "HIP rms");
    for (int users : new int[] {100, 1_000, 10_000, 100_000, 1_000_000}) {
      double sumSq = 0;
      double max = 0;
      double unionSumSq = 0;
      double hipSumSq = 0;
      for (int t = 0; t < trials; t++) {
        HllSketch one = UserSketches.newSketch();
        HllSketch[] partitions = new HllSketch[4];
        for (int p = 0; p < partitions.length; p++) {
          partitions[p] = UserSketches.newSketch();
        }
        for (int i = 0; i < users; i++) {
          long h = UserSketches.hash64("user-" + t + "-" + i);
          one.update(h);
          partitions[i % 4].update(h);
          if (i % 3 == 0) {
            partitions[(i + 1) % 4].update(h);
          }
        }
        double err = (one.getCompositeEstimate() - users) / users; // as UserSketches reports
        double hipErr = (one.getEstimate() - users) / users;
        hipSumSq += hipErr * hipErr;
        sumSq += err * err;
        max = Math.max(max, Math.abs(err));
        Union union = new Union(UserSketches.LG_K);
        for (HllSketch p : partitions) {
          union.update(p);
        }
        double unionErr = (union.getResult(TgtHllType.HLL_8).getCompositeEstimate() - users) / users;
        unionSumSq += unionErr * unionErr;
      }
      System.out.printf(Locale.ROOT, "%,10d %8d %11.2f%% %11.2f%% %15.2f%% %11.2f%%%n", users, trials,
          100 * Math.sqrt(sumSq / trials), 100 * max, 100 * Math.sqrt(unionSumSq / trials),
          100 * Math.sqrt(hipSumSq / trials));
    }
  }
}
