package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.metric.MetricPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatestPointsDocumentTest {
  private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(3600);

  private static MetricPoint point(String metric, String region, Instant start, double value) {
    return MetricPoint.create(metric, "acme", Map.of("region", region), start, start.plusSeconds(3600),
        Map.of("value", value), "count", start.plusSeconds(3700), "run");
  }

  @Test
  void aNewerWindowReplacesTheHeldOneAndTheSameWindowMergesById() {
    LatestPointsDocument doc = LatestPointsDocument.empty("acme")
        .advance(List.of(point("orders", "eu", T0, 1), point("orders", "us", T0, 2)));
    LatestPointsDocument newer = doc.advance(List.of(point("orders", "eu", T1, 3)));
    assertThat(newer.points()).containsExactly(point("orders", "eu", T1, 3));

    LatestPointsDocument merged = newer.advance(List.of(point("orders", "us", T1, 4), point("orders", "eu", T1, 5)));
    assertThat(merged.points()).containsExactly(point("orders", "eu", T1, 5), point("orders", "us", T1, 4));
  }

  @Test
  void olderWindowsAndUnchangedPointsLeaveTheDocumentAsIsSoNothingIsWritten() {
    LatestPointsDocument doc = LatestPointsDocument.empty("acme").advance(List.of(point("orders", "eu", T1, 1)));
    assertThat(doc.advance(List.of(point("orders", "eu", T0, 9)))).isSameAs(doc);
    assertThat(doc.advance(List.of(point("orders", "eu", T1, 1)))).isSameAs(doc);
  }

  @Test
  void onlyTheNewestWindowOfAMixedBatchIsKeptPerMetric() {
    LatestPointsDocument doc = LatestPointsDocument.empty("acme").advance(List.of(
        point("orders", "eu", T0, 1), point("orders", "eu", T1, 2), point("churn", "eu", T0, 3)));
    assertThat(doc.points()).containsExactly(point("churn", "eu", T0, 3), point("orders", "eu", T1, 2));
  }
}
