package com.pulse.domain.telemetry.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowDocumentsTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  private static WindowAccumulator delta(long firstSeq, int requests, double latencyMs) {
    WindowAggregator agg = new WindowAggregator();
    for (int i = 0; i < requests; i++) {
      agg.beginEvent(firstSeq + i, T0.toEpochMilli());
      agg.request("contoso", "checkout", "POST /orders", T0.toEpochMilli() + 1_000, i == 0 ? 0 : latencyMs, i % 4 == 0, "user-" + i);
    }
    return agg.accumulators().get(0);
  }

  @Test
  void idIsDeterministicAndSafeForCosmosAndKusto() {
    String a = WindowDocuments.idOf("contoso", "checkout", "POST /orders/{id}", Granularity.MINUTE, T0, "3");
    assertThat(a).isEqualTo(WindowDocuments.idOf("contoso", "checkout", "POST /orders/{id}", Granularity.MINUTE, T0, "3"))
        .matches("pt1m-[0-9a-f]{32}")
        .isNotEqualTo(WindowDocuments.idOf("contoso", "checkout", "POST /orders/{id}", Granularity.MINUTE, T0, "4"))
        .isNotEqualTo(WindowDocuments.idOf("contoso", "checkout", "POST /orders/{id}", Granularity.HOUR, T0, "3"));
  }

  @Test
  void mergeAddsCountsMergesSketchesAndAdvancesVersionAndSequence() {
    Instant at = Instant.parse("2026-11-20T10:02:00Z");
    WindowDocument first = WindowDocuments.merge(null, delta(100, 8, 50), "3", at).document();
    WindowVersion secondVersion = WindowDocuments.merge(first, delta(108, 4, 200), "3", at.plusSeconds(5));
    WindowDocument second = secondVersion.document();

    assertThat(first.version()).isEqualTo(1);
    assertThat(first.windowStart()).isEqualTo(T0);
    assertThat(first.windowEnd()).isEqualTo(T0.plusSeconds(60));
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.count()).isEqualTo(12);
    assertThat(second.errorCount()).isEqualTo(3);
    assertThat(second.latencySumMs()).isEqualTo(7 * 50 + 3 * 200);
    assertThat(second.lastSequenceNumber()).isEqualTo(111);
    assertThat(LatencySketches.deserialize(second.latencySketch()).getCount()).isEqualTo(12.0);
    assertThat(UserSketches.estimate(second.userSketch())).isEqualTo(8); // user-0..user-7
    assertThat(second.updatedAt()).isEqualTo(at.plusSeconds(5));
    assertThat(secondVersion.distinctUsers()).isEqualTo(8);
    WindowVersion decoded = WindowDocuments.versionOf(second);
    assertThat(secondVersion).usingRecursiveComparison().isEqualTo(decoded);
  }

  @Test
  void versionCarriesPercentilesBinsAndZeroCountOfTheSketch() {
    WindowVersion row = WindowDocuments.merge(null, delta(1, 101, 40), "0", T0);
    WindowDocument doc = row.document();

    assertThat(doc.windowStart()).isEqualTo(T0);
    assertThat(doc.granularity()).isEqualTo("PT1M");
    assertThat(doc.count()).isEqualTo(101);
    assertThat(row.sketchZeroCount()).isEqualTo(1);
    assertThat(java.util.Arrays.stream(row.binCounts()).sum() + row.sketchZeroCount()).isEqualTo(doc.count());
    assertThat(row.binKeys()).isSorted();
    assertThat(row.p50Ms()).isCloseTo(40, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(row.p99Ms()).isCloseTo(40, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(row.distinctUsers()).isEqualTo(101);
    assertThat(doc.version()).isEqualTo(1);
    assertThat(doc.lastSequenceNumber()).isEqualTo(101);
  }
}
