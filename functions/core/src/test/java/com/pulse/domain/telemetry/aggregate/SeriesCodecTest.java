package com.pulse.domain.telemetry.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesCodecTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  private static final TenantWindowDocument HEADER = new TenantWindowDocument("pt1m-tx", "acme", "PT1M", T0,
      T0.plusSeconds(60), "3", 0, 77, 4, T0, Map.of());

  private static WindowDocument series(String dependency) {
    return new WindowDocument("pt1m-s", "acme", "chéckout", "GET /cart/{id}", dependency, "PT1M", T0, T0.plusSeconds(60),
        "3", 12, 2, 1, 345.25, new byte[] {1, 2, 3}, new byte[] {4, 5}, 70, 3, Instant.parse("2026-11-21T00:00:00.123456789Z"));
  }

  @Test
  void aSeriesRoundTripsWithTheDocumentsKeyFields() {
    for (String dependency : new String[] {null, "postgresql/orders"}) {
      WindowDocument s = series(dependency);
      assertThat(SeriesCodec.decode("pt1m-s", SeriesCodec.encode(s), HEADER)).usingRecursiveComparison().isEqualTo(s);
    }
  }

  @Test
  void theNextVersionsTextReusesThePreviousOneAndEqualsAFreshEncoding() {
    WindowDocument previous = series(null);
    String previousText = SeriesCodec.encode(previous);
    byte[] hll = new byte[4_136];
    new java.util.SplittableRandom(5).nextBytes(hll);
    WindowDocument[] nexts = {
        new WindowDocument("pt1m-s", "acme", "chéckout", "GET /cart/{id}", null, "PT1M", T0, T0.plusSeconds(60), "3",
            13, 2, 1, 350.5, new byte[] {1, 2, 4}, new byte[] {4, 5}, 71, 4, Instant.parse("2026-11-21T00:00:01Z")),
        new WindowDocument("pt1m-s", "acme", "chéckout", "GET /cart/{id}", null, "PT1M", T0, T0.plusSeconds(60), "3",
            14, 2, 1, 360.5, new byte[] {1, 2, 4, 9}, hll, 72, 5, Instant.parse("2026-11-21T00:00:02Z")),
        previous,
    };
    for (WindowDocument next : nexts) {
      assertThat(SeriesCodec.encode(next, previous, previousText)).isEqualTo(SeriesCodec.encode(next));
    }
  }

  @Test
  void aTruncatedOrForeignRecordIsRejectedNamingTheSeries() {
    String encoded = SeriesCodec.encode(series(null));
    assertThatThrownBy(() -> SeriesCodec.decode("pt1m-s", encoded.substring(0, 24), HEADER))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pt1m-s").hasMessageContaining("pt1m-tx");
    assertThatThrownBy(() -> SeriesCodec.decode("pt1m-s", "Ag==", HEADER))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 2");
  }

  @Test
  void shardsDependOnTheSeriesOnlyAndSpreadIt() {
    assertThat(TenantWindows.shardOf("s", null, "o", 1)).isZero();
    assertThat(TenantWindows.shardOf("s", "db", "o", 8)).isEqualTo(TenantWindows.shardOf("s", "db", "o", 8));
    int[] perShard = new int[4];
    for (int i = 0; i < 4_000; i++) {
      perShard[TenantWindows.shardOf("svc" + i % 7, i % 3 == 0 ? null : "db", "op" + i, 4)]++;
    }
    assertThat(java.util.Arrays.stream(perShard).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(850, 1150));
  }
}
