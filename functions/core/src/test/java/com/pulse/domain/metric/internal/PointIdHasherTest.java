package com.pulse.domain.metric.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.metric.MetricPoint;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PointIdHasherTest {
  @Test
  void sameIdsAsMetricPointIdOf() {
    Random random = new Random(42);
    String[] values = {"", "FRANCE", "1-URGENT", "é ü 東京", "a=b", "x\u001ey"};
    for (int window = 0; window < 20; window++) {
      Instant start = Instant.ofEpochSecond(random.nextInt(1_000_000_000), window % 2 == 0 ? 0 : 123_000_000);
      String metric = "metric_" + window;
      PointIdHasher hasher = new PointIdHasher(metric, start);
      for (int i = 0; i < 200; i++) {
        TreeMap<String, String> dims = new TreeMap<>();
        for (int d = random.nextInt(4); d > 0; d--) {
          dims.put("dim" + random.nextInt(5), values[random.nextInt(values.length)]);
        }
        String tenant = Integer.toString(random.nextInt(100_000));
        String expected = MetricPoint.idOf(metric, tenant, dims, start);
        assertThat(hasher.idOf(tenant, dims)).isEqualTo(expected);
        assertThat(hasher.idOf(tenant, SortedArrayMap.copyOf(dims))).isEqualTo(expected);
        String otherTenant = values[random.nextInt(values.length)] + tenant;
        assertThat(hasher.idOf(otherTenant, SortedArrayMap.copyOf(dims)))
            .isEqualTo(MetricPoint.idOf(metric, otherTenant, dims, start));
      }
    }
  }

  @Test
  void sameIdsForLongAndNonLatinInputs() {
    Instant start = Instant.parse("1998-08-01T00:00:00Z");
    String longText = "ab\u00e9\ud83d\ude00".repeat(200); // grows the buffer; a surrogate pair per repeat
    TreeMap<String, String> dims = new TreeMap<>();
    dims.put("nation", longText);
    dims.put("segment", "BUILDING");
    for (String metric : new String[] {"order_count", "m\u00e9trique", "\u6307\u6807"}) {
      PointIdHasher hasher = new PointIdHasher(metric, start);
      for (String tenant : new String[] {"42", longText, "\u6771\u4eac", ""}) {
        assertThat(hasher.idOf(tenant, dims)).isEqualTo(MetricPoint.idOf(metric, tenant, dims, start));
        assertThat(hasher.idOf(tenant, new TreeMap<>())).isEqualTo(MetricPoint.idOf(metric, tenant, Map.of(), start));
      }
    }
  }

  @Test
  void knownId() {
    // pinned (SHA-256 of the canonical form, computed outside Java): a change of the canonical form or
    // of the hash would orphan every stored point
    Instant start = Instant.parse("1998-08-01T00:00:00Z");
    String expected = "order_count-870766c81f2304ade970255519632e80";
    assertThat(new PointIdHasher("order_count", start).idOf("42", new TreeMap<>(Map.of("order_priority", "1-URGENT"))))
        .isEqualTo(expected);
    assertThat(MetricPoint.idOf("order_count", "42", Map.of("order_priority", "1-URGENT"), start)).isEqualTo(expected);
  }
}
