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

  @Test
  void keepsImmutableMapsAndCopiesMutableOnes() {
    java.util.TreeMap<String, String> dims = new java.util.TreeMap<>(Map.of("nation", "FRANCE"));
    java.util.HashMap<String, Double> values = new java.util.HashMap<>(Map.of("b", 2.0, "a", 1.0));
    MetricPoint p = MetricPoint.create("m", "t", dims, START, START.plusSeconds(60), values, "count", START, "r");
    dims.put("nation", "PERU");
    values.clear();
    assertThat(p.dimensions()).isEqualTo(Map.of("nation", "FRANCE"));
    assertThat(p.values().keySet()).containsExactly("a", "b");
    assertThat(p.id()).isEqualTo(MetricPoint.idOf("m", "t", Map.of("nation", "FRANCE"), START));
    MetricPoint same = new MetricPoint(p.id(), "m", "t", p.dimensions(), START, START.plusSeconds(60), p.values(),
        "count", START, "r");
    assertThat(same.dimensions()).isSameAs(p.dimensions());
    assertThat(same.values()).isSameAs(p.values());
    assertThat(same).isEqualTo(p).hasSameHashCodeAs(p);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.values().put("c", 3.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
