package com.pulse.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
        assertThat(hasher.idOf(tenant, dims)).isEqualTo(MetricPoint.idOf(metric, tenant, dims, start));
      }
    }
  }
}
