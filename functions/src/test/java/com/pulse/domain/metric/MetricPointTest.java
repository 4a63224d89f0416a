package com.pulse.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricPointTest {
  private static final Instant START = Instant.parse("1998-08-01T00:00:00Z");

  @Test
  void idIsDeterministicAndIndependentOfDimensionOrder() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("nation", "FRANCE");
    a.put("segment", "BUILDING");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("segment", "BUILDING");
    b.put("nation", "FRANCE");
    assertThat(MetricPoint.idOf("order_count", "Customer#1", a, START))
        .isEqualTo(MetricPoint.idOf("order_count", "Customer#1", b, START))
        .matches("order_count-[0-9a-f]{32}");
  }

  @Test
  void idDiffersForEveryIdentityComponent() {
    String base = MetricPoint.idOf("m", "t", Map.of("d", "1"), START);
    assertThat(MetricPoint.idOf("n", "t", Map.of("d", "1"), START)).isNotEqualTo(base);
    assertThat(MetricPoint.idOf("m", "u", Map.of("d", "1"), START)).isNotEqualTo(base);
    assertThat(MetricPoint.idOf("m", "t", Map.of("d", "2"), START)).isNotEqualTo(base);
    assertThat(MetricPoint.idOf("m", "t", Map.of("d", "1"), START.plusSeconds(1))).isNotEqualTo(base);
  }
}
