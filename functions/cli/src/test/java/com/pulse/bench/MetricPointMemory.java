package com.pulse.bench;

import com.pulse.app.telemetry.DeferralPolicy;
import com.pulse.app.telemetry.TelemetryEvent;
import com.pulse.domain.telemetry.metric.DecodedMetrics;
import com.pulse.domain.telemetry.metric.MetricDimensions;
import java.util.Locale;

/**
 * Heap a held OTLP metrics write keeps while it runs: the events of one write
 * (the metrics hub's hold under {@link DeferralPolicy#DEFAULT}: {@code eventsBound(NaN)}, 16,384, since it
 * reports no series) of {@link SignalEndToEnd}'s metrics
 * corpus (40 points an event: cumulative counter, gauge, cumulative histogram, delta counter, delta
 * exponential histogram) decoded into one {@link DecodedMetrics}, measured as used heap after
 * {@link System#gc} before and after; prints bytes per decoded point. Usage:
 * {@code java -Xmx3g -cp ... com.pulse.bench.MetricPointMemory [events]}.
 */
public final class MetricPointMemory {
  private MetricPointMemory() {}

  public static void main(String[] args) throws InterruptedException {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : DeferralPolicy.DEFAULT.eventsBound(Double.NaN);
    for (SignalEndToEnd.Format format : SignalEndToEnd.Format.values()) {
      SignalEndToEnd.Corpus corpus = SignalEndToEnd.metricCorpus(format, 1_000, events, 42);
      long before = usedHeap();
      DecodedMetrics decoded = new DecodedMetrics(MetricDimensions.DEFAULT);
      for (TelemetryEvent e : corpus.events()) {
        decoded.decode(e.contentType(), e.body(), e.sequenceNumber(), 0, Long.MAX_VALUE / 2);
      }
      long bytes = usedHeap() - before;
      System.out.printf(Locale.ROOT, "%-14s %,d events, %,d points: %,d bytes of decoded points, %.0f B/point"
          + " (bodies %.0f B/point)%n", format, events, decoded.size(), bytes, (double) bytes / decoded.size(),
          (double) corpus.bytes() / decoded.size());
    }
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
