package com.pulse.app.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.log.LogSeries;
import com.pulse.domain.telemetry.log.LogTemplateCount;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.log.LogWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LogWindowStore} must have: create-once, ETag-conditional replace with
 * real conflicts, readMany, documents (series, templates, unicode) read back unchanged, and (where
 * the backend can run it) the range query. Subclass per implementation; tests use fresh tenant ids.
 */
public abstract class LogWindowStoreContract extends StoreContract<LogWindowStore> {
  protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  /** A document with an INFO series and an ERROR series with two templates (one non-ASCII). */
  protected static LogWindowDocument document(String tenantId, String granularity, Instant start, String partition,
      long count, long lastSequenceNumber, long version) {
    Granularity g = Granularity.ofIso(granularity);
    return new LogWindowDocument(LogWindows.idOf(tenantId, g, start, partition), tenantId, LogWindows.SIGNAL,
        granularity, start, start.plus(Duration.parse(granularity)), partition, count + 3, 1,
        List.of(new LogSeries("checkout", "INFO", count, List.of(), 0),
            new LogSeries("checkout", "ERROR", 3, List.of(new LogTemplateCount("order <num> failed", 2),
                new LogTemplateCount("Zahlung <str> abgelehnt – 😀", 1)), 0)),
        lastSequenceNumber, version, start.plus(Duration.parse(granularity)).plusSeconds(3));
  }

  @Test
  void createdDocumentIsReadBackUnchangedWithItsEtag() {
    LogWindowDocument doc = document(tenant, "PT1M", T0, "0", 10, 100, 1);
    Versioned<LogWindowDocument> created = store.create(doc);
    assertThat(created.etag()).isNotBlank();

    DocumentKey key = new DocumentKey(tenant, doc.id());
    Map<DocumentKey, Versioned<LogWindowDocument>> read = store.readMany(List.of(key));
    assertThat(read).containsOnlyKeys(key);
    assertThat(read.get(key).value()).isEqualTo(doc);
    assertThat(read.get(key).etag()).isEqualTo(created.etag());
  }

  @Test
  void creatingAnExistingDocumentIsAConflict() {
    LogWindowDocument doc = document(tenant, "PT1M", T0, "0", 1, 1, 1);
    store.create(doc);
    assertThatThrownBy(() -> store.create(document(tenant, "PT1M", T0, "0", 2, 2, 1)))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
  }

  @Test
  void replaceWithTheCurrentEtagWinsAndAStaleEtagConflicts() {
    LogWindowDocument v1 = document(tenant, "PT1H", T0, "3", 5, 50, 1);
    String etag1 = store.create(v1).etag();
    Versioned<LogWindowDocument> v2 = store.replace(document(tenant, "PT1H", T0, "3", 7, 52, 2), etag1);
    assertThat(v2.etag()).isNotEqualTo(etag1);
    assertThatThrownBy(() -> store.replace(document(tenant, "PT1H", T0, "3", 6, 51, 2), etag1))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(412));

    DocumentKey key = new DocumentKey(tenant, v1.id());
    Versioned<LogWindowDocument> stored = store.readMany(List.of(key)).get(key);
    assertThat(stored.value().series().get(0).count()).isEqualTo(7);
    assertThat(stored.etag()).isEqualTo(v2.etag());
  }

  @Test
  void replacingAMissingDocumentConflicts() {
    assertThatThrownBy(() -> store.replace(document(tenant, "PT1H", T0, "1", 1, 1, 2), "\"no-such-etag\""))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void readManyReturnsOnlyExistingDocumentsAcrossTenants() {
    String other = "x" + tenant;
    LogWindowDocument a = document(tenant, "PT1M", T0, "0", 1, 1, 1);
    LogWindowDocument c = document(other, "PT1H", T0, "0", 3, 3, 1);
    store.create(a);
    store.create(c);

    Map<DocumentKey, Versioned<LogWindowDocument>> read = store.readMany(List.of(new DocumentKey(tenant, a.id()),
        new DocumentKey(other, c.id()), new DocumentKey(tenant, "missing"), new DocumentKey(other, a.id())));
    assertThat(read).containsOnlyKeys(new DocumentKey(tenant, a.id()), new DocumentKey(other, c.id()));
    assertThat(store.readMany(List.of())).isEmpty();
  }

  @Test
  void listRangeReturnsTheTenantsLogWindowsOfOneGranularityInTheHalfOpenRange() {
    Assumptions.assumeTrue(supportsQueries(), "this backend cannot run SQL queries here");
    LogWindowDocument before = document(tenant, "PT1M", T0.minusSeconds(60), "0", 1, 1, 1);
    LogWindowDocument first = document(tenant, "PT1M", T0, "0", 2, 2, 1);
    LogWindowDocument second = document(tenant, "PT1M", T0.plusSeconds(60), "1", 3, 3, 1);
    LogWindowDocument atEnd = document(tenant, "PT1M", T0.plusSeconds(120), "0", 4, 4, 1);
    LogWindowDocument hourly = document(tenant, "PT1H", T0, "0", 5, 5, 1);
    List.of(before, first, second, atEnd, hourly).forEach(store::create);

    assertThat(store.listRange(tenant, "PT1M", T0, T0.plusSeconds(120))).extracting(LogWindowDocument::id)
        .containsExactly(first.id(), second.id());
  }
}
