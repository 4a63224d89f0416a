package com.pulse.domain.telemetry.aggregate;

import com.pulse.domain.telemetry.WindowVersion;
import java.time.Instant;

/** Real window versions for adapter tests: a few requests folded and merged as the use case does. */
public final class SampleWindows {
  private SampleWindows() {}

  /**
   * The first version of the minute document 2024-01-01T00:00Z of {@code (tenantId, "api", "GET /x")}
   * in {@code partition}: 10 requests of 5..50 ms (one failed), users u0..u3.
   */
  public static WindowVersion version(String tenantId, String partition) {
    WindowAggregator aggregator = new WindowAggregator();
    long start = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 10; i++) {
      aggregator.beginEvent(90 + i, Long.MIN_VALUE);
      aggregator.request(tenantId, "api", "GET /x", start + i * 1_000L, 5.0 * (i + 1), i == 0, "u" + i % 4);
    }
    return WindowDocuments.merge(null, aggregator.accumulators().get(0), partition, Instant.parse("2024-01-01T00:01:05Z"));
  }
}
