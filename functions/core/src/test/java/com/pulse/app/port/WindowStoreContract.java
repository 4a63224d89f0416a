package com.pulse.app.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.SeriesCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link WindowStore} must have: create-once, ETag-conditional replace with real
 * conflicts, readMany returning each document's series as stored, and (where the implementation can
 * run it here) the range query, which returns the decoded series. Subclass per implementation; tests
 * use fresh tenant ids.
 */
public abstract class WindowStoreContract extends StoreContract<WindowStore> {
  protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  /** A stored document of two series (a request and a dependency series) whose counts follow {@code count}. */
  protected static TenantWindowDocument window(String tenantId, String granularity, Instant start, String partition,
      long count, long lastSequenceNumber, long version) {
    Duration length = Duration.parse(granularity);
    String id = String.join("|", tenantId, granularity, start.toString(), partition)
        .replaceAll("[^A-Za-z0-9_-]", "_");
    TenantWindowDocument header = new TenantWindowDocument(id, tenantId, granularity, start, start.plus(length),
        partition, 0, lastSequenceNumber, version, start.plus(length).plusSeconds(3), Map.of());
    WindowDocument request = series(header, id + "-r", null, count, lastSequenceNumber, version);
    WindowDocument call = series(header, id + "-d", "postgresql/orders", count + 1, lastSequenceNumber - 1, version);
    return new TenantWindowDocument(id, tenantId, granularity, start, start.plus(length), partition, 0,
        lastSequenceNumber, version, header.updatedAt(),
        Map.of(request.id(), SeriesCodec.encode(request), call.id(), SeriesCodec.encode(call)));
  }

  private static WindowDocument series(TenantWindowDocument d, String id, String dependency, long count,
      long lastSequenceNumber, long version) {
    return new WindowDocument(id, d.tenantId(), "checkout", "POST /pay", dependency, d.granularity(), d.windowStart(),
        d.windowEnd(), d.partition(), count, count / 10, 1, count * 12.5, ("dd" + count).getBytes(StandardCharsets.UTF_8),
        new byte[] {1, 2, (byte) count}, lastSequenceNumber, version, d.updatedAt());
  }

  private static void assertSameDocument(TenantWindowDocument actual, TenantWindowDocument expected) {
    assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
  }

  @Test
  void createdDocumentIsReadBackWithItsEtag() {
    TenantWindowDocument doc = window(tenant, "PT1M", T0, "0", 10, 100, 1);
    Versioned<TenantWindowDocument> created = store.create(doc);
    assertThat(created.etag()).isNotBlank();

    Map<DocumentKey, Versioned<TenantWindowDocument>> read = store.readMany(List.of(new DocumentKey(tenant, doc.id())));
    assertThat(read).containsOnlyKeys(new DocumentKey(tenant, doc.id()));
    Versioned<TenantWindowDocument> found = read.get(new DocumentKey(tenant, doc.id()));
    assertSameDocument(found.value(), doc);
    assertThat(found.etag()).isEqualTo(created.etag());
  }

  @Test
  void creatingAnExistingDocumentIsAConflict() {
    TenantWindowDocument doc = window(tenant, "PT1M", T0, "0", 1, 1, 1);
    store.create(doc);
    assertThatThrownBy(() -> store.create(window(tenant, "PT1M", T0, "0", 2, 2, 1)))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    assertSameDocument(store.readMany(List.of(new DocumentKey(tenant, doc.id()))).get(new DocumentKey(tenant, doc.id())).value(), doc);
  }

  @Test
  void replaceWithTheCurrentEtagWinsAndAStaleEtagConflicts() {
    TenantWindowDocument v1 = window(tenant, "PT1M", T0, "3", 5, 50, 1);
    String etag1 = store.create(v1).etag();

    // two writers read version 1; the first replace wins
    Versioned<TenantWindowDocument> v2 = store.replace(window(tenant, "PT1M", T0, "3", 7, 52, 2), etag1);
    assertThat(v2.etag()).isNotEqualTo(etag1);
    assertThatThrownBy(() -> store.replace(window(tenant, "PT1M", T0, "3", 6, 51, 2), etag1))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(412));

    Versioned<TenantWindowDocument> stored = store.readMany(List.of(new DocumentKey(tenant, v1.id()))).get(new DocumentKey(tenant, v1.id()));
    assertThat(stored.value().lastSequenceNumber()).isEqualTo(52);
    assertThat(stored.value().version()).isEqualTo(2);
    assertThat(stored.etag()).isEqualTo(v2.etag());

    // the loser re-reads and retries with the fresh ETag
    Versioned<TenantWindowDocument> v3 = store.replace(window(tenant, "PT1M", T0, "3", 8, 53, 3), stored.etag());
    assertThat(store.readMany(List.of(new DocumentKey(tenant, v1.id()))).get(new DocumentKey(tenant, v1.id())).etag())
        .isEqualTo(v3.etag());
  }

  @Test
  void replacingAMissingDocumentConflicts() {
    TenantWindowDocument doc = window(tenant, "PT1H", T0, "1", 1, 1, 2);
    assertThatThrownBy(() -> store.replace(doc, "\"no-such-etag\""))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void readManyReturnsOnlyExistingDocumentsAcrossTenants() {
    String otherTenant = "x" + tenant;
    TenantWindowDocument a = window(tenant, "PT1M", T0, "0", 1, 1, 1);
    TenantWindowDocument b = window(tenant, "PT1M", T0, "1", 2, 2, 1);
    TenantWindowDocument c = window(otherTenant, "PT1H", T0, "0", 3, 3, 1);
    store.create(a);
    store.create(b);
    store.create(c);

    Map<DocumentKey, Versioned<TenantWindowDocument>> read = store.readMany(List.of(
        new DocumentKey(tenant, a.id()), new DocumentKey(tenant, b.id()), new DocumentKey(otherTenant, c.id()),
        new DocumentKey(tenant, "missing"), new DocumentKey(otherTenant, a.id())));
    assertThat(read).containsOnlyKeys(new DocumentKey(tenant, a.id()), new DocumentKey(tenant, b.id()),
        new DocumentKey(otherTenant, c.id()));
    assertSameDocument(read.get(new DocumentKey(otherTenant, c.id())).value(), c);
    assertThat(store.readMany(List.of())).isEmpty();
  }

  @Test
  void listRangeReturnsTheTenantsWindowsOfOneGranularityInTheHalfOpenRange() {
    Assumptions.assumeTrue(supportsQueries(), "this backend cannot run SQL queries here");
    TenantWindowDocument before = window(tenant, "PT1M", T0.minusSeconds(60), "0", 1, 1, 1);
    TenantWindowDocument first = window(tenant, "PT1M", T0, "0", 2, 2, 1);
    TenantWindowDocument second = window(tenant, "PT1M", T0.plusSeconds(60), "1", 3, 3, 1);
    TenantWindowDocument atEnd = window(tenant, "PT1M", T0.plusSeconds(120), "0", 4, 4, 1);
    TenantWindowDocument hourly = window(tenant, "PT1H", T0, "0", 5, 5, 1);
    List.of(before, first, second, atEnd, hourly).forEach(store::create);

    List<WindowDocument> range = store.listRange(tenant, "PT1M", T0, T0.plusSeconds(120));
    assertThat(range).extracting(WindowDocument::id)
        .containsExactlyInAnyOrder(first.id() + "-r", first.id() + "-d", second.id() + "-r", second.id() + "-d");
    WindowDocument call = range.stream().filter(w -> w.id().equals(second.id() + "-d")).findFirst().orElseThrow();
    assertThat(call).usingRecursiveComparison().ignoringFields("latencySketch", "userSketch")
        .isEqualTo(series(second, second.id() + "-d", "postgresql/orders", 4, 2, 1));
    assertThat(call.latencySketch()).isEqualTo("dd4".getBytes(StandardCharsets.UTF_8));
  }
}
