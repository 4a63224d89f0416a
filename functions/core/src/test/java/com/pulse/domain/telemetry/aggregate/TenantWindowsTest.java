package com.pulse.domain.telemetry.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.TenantWindowDocument;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantWindowsTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  private static WindowAccumulator minuteDelta(String operation, long sequenceNumber) {
    WindowAggregator aggregator = new WindowAggregator();
    aggregator.beginEvent(sequenceNumber, T0.toEpochMilli());
    aggregator.request("acme", "checkout", operation, T0.toEpochMilli() + 1_000, 12.5, false, "u1");
    return aggregator.accumulators().get(0);
  }

  @Test
  void aNewDocumentHoldsTheDeltasAndTheLargestSequenceNumber() {
    Map<String, WindowAccumulator> deltas = new LinkedHashMap<>();
    deltas.put("pt1m-a", minuteDelta("a", 7));
    deltas.put("pt1m-b", minuteDelta("b", 9));
    TenantWindows.Merged merged = TenantWindows.merge(null, deltas, "3", 0, T0);

    TenantWindowDocument d = merged.document();
    assertThat(d.id()).isEqualTo(TenantWindows.idOf("acme", Granularity.MINUTE, T0, "3", 0)).startsWith("pt1m-t");
    assertThat(d.lastSequenceNumber()).isEqualTo(9);
    assertThat(d.version()).isEqualTo(1);
    assertThat(TenantWindows.series(d)).extracting(w -> w.operation() + " " + w.count() + " " + w.lastSequenceNumber())
        .containsExactlyInAnyOrder("a 1 7", "b 1 9");
    assertThat(merged.changed()).extracting(v -> v.document().id()).containsExactly("pt1m-a", "pt1m-b");
  }

  @Test
  void aDocumentOverTheSizeGuardIsRefusedNamingTheTenantAndTheRemedy() {
    Map<String, String> series = new HashMap<>();
    for (int i = 0; i < 95; i++) {
      series.put("pt1m-" + i, "A".repeat(20_000)); // never decoded: only the touched series are
    }
    TenantWindowDocument big = new TenantWindowDocument(TenantWindows.idOf("acme", Granularity.MINUTE, T0, "3", 0), "acme",
        "PT1M", T0, T0.plusSeconds(60), "3", 0, 5, 1, T0, series);

    assertThatThrownBy(() -> TenantWindows.merge(big, Map.of("pt1m-new", minuteDelta("new", 6)), "3", 0, T0))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("acme").hasMessageContaining("96 series")
        .hasMessageContaining("shard count");
  }
}
