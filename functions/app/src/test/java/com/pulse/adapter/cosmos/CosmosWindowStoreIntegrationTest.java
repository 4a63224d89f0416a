package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WindowStore;
import com.pulse.app.port.WindowStoreContract;
import com.pulse.domain.telemetry.TenantWindowDocument;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link WindowStoreContract} against Cosmos DB (local {@code @vercel/cosmosdb-server}, HTTPS, gateway mode). */
class CosmosWindowStoreIntegrationTest extends WindowStoreContract {
  /** The local server cannot answer the Java SDK's query-plan request; see {@link CosmosQueriesTest}. */
  @Override
  protected boolean supportsQueries() {
    return false;
  }

  @Override
  protected WindowStore newStore() {
    return CosmosFixture.freshStores().windows();
  }

  private static TenantWindowDocument withSeries(TenantWindowDocument d, long last, Map<String, String> series) {
    return new TenantWindowDocument(d.id(), d.tenantId(), d.granularity(), d.windowStart(), d.windowEnd(), d.partition(),
        d.shard(), last, d.version() + 1, d.updatedAt().plusSeconds(1), series);
  }

  /**
   * Series go through the real SDK as raw JSON ({@link TenantWindowJson}), and a store instance
   * that reuses the bytes of its own writes still writes on top of another instance's version.
   */
  @Test
  void rawSeriesThroughTheSdkReadBackEqualAndEachInstanceSeesTheOthersWrites() {
    String database = "pulse-" + UUID.randomUUID();
    WindowStore a = CosmosStores.open(CosmosFixture.client(), database, true, CosmosTelemetry.noop(), PulseTracing.noop())
        .windows();
    WindowStore b = CosmosStores.open(CosmosFixture.client(), database, true, CosmosTelemetry.noop(), PulseTracing.noop())
        .windows();
    Random random = new Random(11);
    Map<String, String> series = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      byte[] state = new byte[1 + random.nextInt(400)];
      random.nextBytes(state);
      series.put("pt1m-s" + i, Base64.getEncoder().encodeToString(state));
    }
    series.put("pt1m-edited", "not \"base64\" \\ é");
    Instant start = Instant.parse("2026-11-21T06:00:00Z");
    TenantWindowDocument first = new TenantWindowDocument("pt1m-t0001", "acme", "PT1M", start, start.plusSeconds(60), "3",
        0, 41, 1, start.plusSeconds(61).plusMillis(120), series);
    DocumentKey key = new DocumentKey("acme", first.id());

    Versioned<TenantWindowDocument> v1 = a.create(first);
    assertThat(a.readMany(List.of(key)).get(key).value()).isEqualTo(first);
    assertThat(b.readMany(List.of(key)).get(key).value()).isEqualTo(first);

    Map<String, String> changed = new LinkedHashMap<>(first.series());
    changed.put("pt1m-s3", "AAAA");
    changed.put("pt1m-new", "BBBB");
    TenantWindowDocument second = withSeries(first, 77, changed);
    Versioned<TenantWindowDocument> v2 = a.replace(second, v1.etag());
    Versioned<TenantWindowDocument> readByB = b.readMany(List.of(key)).get(key);
    assertThat(readByB.value()).isEqualTo(second);
    assertThat(readByB.etag()).isEqualTo(v2.etag());

    Map<String, String> byB = new LinkedHashMap<>(readByB.value().series());
    byB.put("pt1m-s7", "CCCC");
    TenantWindowDocument third = withSeries(readByB.value(), 90, byB);
    b.replace(third, readByB.etag());

    Versioned<TenantWindowDocument> readByA = a.readMany(List.of(key)).get(key);
    assertThat(readByA.value()).isEqualTo(third).isNotSameAs(second);
    Map<String, String> byA = new LinkedHashMap<>(readByA.value().series());
    byA.remove("pt1m-new");
    byA.put("pt1m-s9", "DDDD");
    TenantWindowDocument fourth = withSeries(readByA.value(), 95, byA);
    a.replace(fourth, readByA.etag());
    assertThat(b.readMany(List.of(key)).get(key).value()).isEqualTo(fourth);
  }
}
