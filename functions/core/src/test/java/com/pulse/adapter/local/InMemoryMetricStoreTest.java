package com.pulse.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.metric.JobState;
import com.pulse.domain.metric.MetricPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryMetricStoreTest {
  private static final Instant JAN = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant FEB = Instant.parse("2024-02-01T00:00:00Z");
  private static final Instant MAR = Instant.parse("2024-03-01T00:00:00Z");

  private static MetricPoint point(String metric, String tenant, String region, Instant start, Instant end, double v) {
    return MetricPoint.create(metric, tenant, region == null ? Map.of() : Map.of("region", region), start, end,
        Map.of("v", v), "count", end, "r");
  }

  private final InMemoryMetricStore store = new InMemoryMetricStore();

  @Test
  void latestPointsAreTheNewestWindowOfEachMetricWithAllDimensions() {
    store.upsertPoints(List.of(
        point("b", "t1", "us", FEB, MAR, 3), point("b", "t1", "eu", FEB, MAR, 4),
        point("b", "t1", "eu", JAN, FEB, 1), point("a", "t1", null, JAN, FEB, 7),
        point("a", "t2", null, FEB, MAR, 9)));
    // an older window arriving later (backfill) does not replace the latest
    store.upsertPoints(List.of(point("a", "t1", null, Instant.parse("2023-12-01T00:00:00Z"), JAN, 5)));
    assertThat(store.latestPoints("t1")).extracting(p -> p.metric() + p.dimensions() + p.values().get("v"))
        .containsExactly("a{}7.0", "b{region=eu}4.0", "b{region=us}3.0");
    assertThat(store.latestPoints("nobody")).isEmpty();
  }

  @Test
  void upsertOverwritesByIdAndReadsBack() {
    MetricPoint first = point("a", "t1", "eu", JAN, FEB, 1);
    store.upsertPoints(List.of(first));
    MetricPoint again = point("a", "t1", "eu", JAN, FEB, 2);
    store.upsertPoints(List.of(again));
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(store.readPoint("t1", first.id())).contains(again);
    assertThat(store.readPoint("t2", first.id())).isEmpty();
    assertThat(store.allPoints()).hasSize(1);
  }

  @Test
  void jobStates() {
    store.writeJob(JobState.initial("a"));
    store.writeJob(new JobState("b", FEB, "r", FEB, "ok", null, 0));
    assertThat(store.readJob("b").orElseThrow().lastCompletedWindowEnd()).isEqualTo(FEB);
    assertThat(store.readJobs(List.of("a", "b", "c"))).containsOnlyKeys("a", "b");
  }
}
