package com.pulse.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-CPU-second companion of {@link OtlpMetricsBenchmark} for a busy machine: runs its two
 * methods on the same corpus for {@code args[0]} ms of thread CPU time after a warm-up of as long,
 * three rounds, and prints data points per CPU-second. Usage:
 * {@code java -cp "$CP" com.pulse.bench.OtlpMetricsCpuTime 3000}.
 */
public final class OtlpMetricsCpuTime {
  private OtlpMetricsCpuTime() {}

  public static void main(String[] args) throws Exception {
    long budgetNanos = Long.parseLong(args.length > 0 ? args[0] : "3000") * 1_000_000L;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    for (OtlpMetricsBenchmark.Format format : OtlpMetricsBenchmark.Format.values()) {
      OtlpMetricsBenchmark b = new OtlpMetricsBenchmark();
      b.format = format;
      b.setUp();
      int points = b.points();
      for (String method : new String[] {"decodeConvertFold", "decodeOnly"}) {
        for (int round = 0; round <= 3; round++) {
          long start = cpu.getCurrentThreadCpuTime();
          long passes = 0;
          while (cpu.getCurrentThreadCpuTime() - start < budgetNanos) {
            if (method.equals("decodeOnly")) {
              b.decodeOnly(bh);
            } else {
              b.decodeConvertFold(bh);
            }
            passes++;
          }
          double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
          if (round > 0) {
            System.out.printf("%s %s round %d: %.0f points per CPU-second%n", format, method, round, passes * points / seconds);
          }
        }
      }
    }
  }
}
