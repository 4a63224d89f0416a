package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.observability.InMemoryTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.TenantWindows;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cosmos DB adapter behaviour beyond the port contracts, against the local HTTPS server: RU and span
 * recording on real responses, the on-disk shape of documents (TTL, ids), dead-letter writes checked
 * by point reads (the contract's list/count are queries the server cannot run), and that TLS is
 * really verified.
 */
class CosmosAdapterIntegrationTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private final InMemoryTelemetry otel = new InMemoryTelemetry();
  private final String database = "pulse-" + UUID.randomUUID();
  private final CosmosStores stores = CosmosStores.open(CosmosFixture.client(), database,
      true, CosmosTelemetry.create(otel.sdk), PulseTracing.create(otel.sdk));

  @AfterEach
  void close() {
    otel.close();
  }

  private CosmosContainer container(String name) {
    return CosmosFixture.client().getDatabase(database).getContainer(name);
  }

  private double requestCharge(String container, String operation) {
    var data = otel.collect().get("pulse.cosmos.request_charge");
    return data == null ? 0 : data.getDoubleSumData().getPoints().stream()
        .filter(p -> container.equals(p.getAttributes().get(AttributeKey.stringKey("container")))
            && operation.equals(p.getAttributes().get(AttributeKey.stringKey("operation"))))
        .mapToDouble(DoublePointData::getValue).sum();
  }

  @Test
  void everyOperationRecordsItsRequestChargeAndASpan() {
    TenantWindowDocument doc = window("acme", "PT1M", 1);
    String etag = stores.windows().create(doc).etag();
    stores.windows().replace(window("acme", "PT1M", 2), etag);
    assertThatThrownBy(() -> stores.windows().replace(window("acme", "PT1M", 3), etag))
        .isInstanceOf(WriteConflictException.class);

    // the server charges 1 RU per request (header x-ms-request-charge) and per bulk item
    assertThat(requestCharge("windows", "create")).isEqualTo(1.0);
    // a rejected request is charged too (as in Cosmos DB): the successful replace plus the 412
    assertThat(requestCharge("windows", "replace")).isEqualTo(2.0);
    List<SpanData> spans = otel.spans.getFinishedSpanItems();
    assertThat(spans).extracting(SpanData::getName).contains("create windows", "replace windows");
    assertThat(spans).filteredOn(s -> s.getName().equals("replace windows"))
        .extracting(s -> s.getStatus().getStatusCode().name()).containsExactly("UNSET", "ERROR");
  }

  @Test
  void manyPointsAreWrittenInBulkWithTheChargeOfEveryItem() {
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      points.add(MetricPoint.create("orders", "acme", Map.of("shard", "s" + i), T0, T0.plusSeconds(3600),
          Map.of("value", (double) i), "count", T0, "run-1"));
    }
    stores.metrics().upsertPoints(points);

    assertThat(requestCharge("metrics", "upsert")).isEqualTo(40.0);
    assertThat(otel.spans.getFinishedSpanItems()).extracting(SpanData::getName).contains("bulk upsert metrics");
    ObjectNode stored = container("metrics").readItem(points.get(7).id(), new PartitionKey("acme"), ObjectNode.class).getItem();
    assertThat(stored.get("values").get("value").asDouble()).isEqualTo(7.0);
    assertThat(stores.metrics().latestPoints("acme")).hasSize(40);
  }

  @Test
  void minuteWindowsCarryATtlAndHourlyRollUpsDoNot() {
    stores.windows().create(window("acme", "PT1M", 1));
    stores.windows().create(window("acme", "PT1H", 1));
    ObjectNode minute = container("windows").readItem(window("acme", "PT1M", 1).id(), new PartitionKey("acme"), ObjectNode.class).getItem();
    ObjectNode hour = container("windows").readItem(window("acme", "PT1H", 1).id(), new PartitionKey("acme"), ObjectNode.class).getItem();
    assertThat(minute.get("ttl").asLong()).isEqualTo(CosmosStores.MINUTE_WINDOW_TTL.getSeconds());
    assertThat(hour.has("ttl")).isFalse();
  }

  @Test
  void deadLettersAreUpsertedOncePerEventAndDeletedByPointOperations() {
    List<DeadLetter> letters = List.of(deadLetter("0", 11), deadLetter("0", 12), deadLetter("5", 11));
    stores.deadLetters().writeAll(letters);
    stores.deadLetters().writeAll(List.of(letters.get(0))); // redelivery: same id, same document

    for (DeadLetter letter : letters) {
      ObjectNode stored = container("deadletter").readItem(letter.id(), new PartitionKey(letter.partition()), ObjectNode.class).getItem();
      assertThat(CosmosDocuments.fromDocument(stored, DeadLetter.class)).isEqualTo(letter);
    }
    stores.deadLetters().delete(letters.get(1));
    stores.deadLetters().delete(letters.get(1)); // absent: no-op
    assertThatThrownBy(() -> container("deadletter").readItem(letters.get(1).id(), new PartitionKey("0"), ObjectNode.class))
        .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    assertThat(requestCharge("deadletter", "upsert")).isEqualTo(4.0);
  }

  @Test
  void theServerCertificateIsVerifiedNotIgnored() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(CosmosTestServer.shared().endpoint())).GET().build();

    // trusted through the per-run trust store: default trust managers, as the Cosmos SDK's Netty
    // SSL context builds them (they read javax.net.ssl.trustStore when initialised)
    TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    defaults.init((KeyStore) null);
    SSLContext trustsTheRunsCertificate = SSLContext.getInstance("TLS");
    trustsTheRunsCertificate.init(null, defaults.getTrustManagers(), null);
    HttpResponse<String> ok = HttpClient.newBuilder().sslContext(trustsTheRunsCertificate).build()
        .send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("databaseAccountEndpoint");

    // a client that trusts nothing fails the handshake
    KeyStore empty = KeyStore.getInstance("PKCS12");
    empty.load(null, null);
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(empty);
    SSLContext trustsNothing = SSLContext.getInstance("TLS");
    trustsNothing.init(null, factory.getTrustManagers(), null);
    assertThatThrownBy(() -> HttpClient.newBuilder().sslContext(trustsNothing).build()
        .send(request, HttpResponse.BodyHandlers.ofString()))
        .hasCauseInstanceOf(SSLHandshakeException.class);
  }

  private static TenantWindowDocument window(String tenant, String granularity, long version) {
    TenantWindowDocument d = TenantWindows.documentsOf(List.of(new WindowDocument(tenant + "-" + granularity + "-w", tenant,
        "checkout", "GET /cart", null, granularity, T0, T0.plus(java.time.Duration.parse(granularity)), "0", version * 10,
        0, 0, 1.0, new byte[] {1}, new byte[0], version, version, T0))).get(0);
    return new TenantWindowDocument(d.id(), d.tenantId(), d.granularity(), d.windowStart(), d.windowEnd(), d.partition(),
        d.shard(), d.lastSequenceNumber(), version, d.updatedAt(), d.series());
  }

  private static DeadLetter deadLetter(String partition, long sequenceNumber) {
    return new DeadLetter(DeadLetter.idOf(partition, sequenceNumber), partition, "1" + sequenceNumber, sequenceNumber,
        T0, "unparseable OTLP payload", "application/x-protobuf", Map.of("content-type", "application/x-protobuf"),
        Base64.getEncoder().encodeToString(new byte[] {8, 1}), T0.plusSeconds(1));
  }
}
