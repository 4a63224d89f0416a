package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.app.telemetry.RememberedDocuments.Remembered;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import com.pulse.domain.telemetry.aggregate.TenantWindows;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RememberedDocumentsTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  private static Remembered document(String id, int seriesChars) {
    TenantWindowDocument d = new TenantWindowDocument(id, "acme", "PT1M", T0, T0.plusSeconds(60), "0", 0, 1, 1, T0,
        Map.of("pt1m-s", "A".repeat(seriesChars)));
    return Remembered.of(new Versioned<>(d, "\"" + id + "\""), Map.of());
  }

  private static DocumentKey key(String id) {
    return new DocumentKey("acme", id);
  }

  @Test
  void takenEntriesLeaveTheMemoryUntilKeptAgain() {
    RememberedDocuments<Remembered> memory = new RememberedDocuments<Remembered>(1 << 20, Remembered::bytes);
    memory.keep(Map.of(key("a"), document("a", 100), key("b"), document("b", 100)));

    Map<DocumentKey, Remembered> taken = memory.take(List.of(key("a"), key("c")));
    assertThat(taken.keySet()).containsExactly(key("a"));
    assertThat(memory.take(List.of(key("a")))).as("a failed batch does not put it back").isEmpty();
    memory.keep(taken);
    assertThat(memory.take(List.of(key("a")))).containsOnlyKeys(key("a"));
    assertThat(memory.take(List.of(key("b")))).containsOnlyKeys(key("b"));
    assertThat(memory.bytes()).isZero();
  }

  @Test
  void takeOrReadReadsOnlyTheKeysItDoesNotHoldAndNothingWhenItHoldsThemAll() {
    RememberedDocuments<Remembered> memory = new RememberedDocuments<Remembered>(1 << 20, Remembered::bytes);
    memory.keep(Map.of(key("a"), document("a", 10)));
    List<List<DocumentKey>> reads = new java.util.ArrayList<>();

    Map<DocumentKey, Remembered> found = memory.takeOrRead(List.of(key("a"), key("b"), key("c")), keys -> {
      reads.add(keys);
      return new java.util.HashMap<>(Map.of(key("b"), document("b", 10)));
    });

    assertThat(reads).containsExactly(List.of(key("b"), key("c")));
    assertThat(found).containsOnlyKeys(key("a"), key("b"));
    memory.keep(found);
    assertThat(memory.takeOrRead(List.of(key("a"), key("b")), keys -> {
      throw new AssertionError("read " + keys);
    })).containsOnlyKeys(key("a"), key("b"));
  }

  @Test
  void theLeastRecentlyKeptEntriesGoFirstBeyondTheBound() {
    long one = document("x", 10_000).bytes();
    RememberedDocuments<Remembered> memory = new RememberedDocuments<Remembered>(3 * one, Remembered::bytes);
    for (String id : List.of("a", "b", "c", "d")) {
      memory.keep(Map.of(key(id), document(id, 10_000)));
      assertThat(memory.bytes()).isLessThanOrEqualTo(3 * one);
    }
    assertThat(memory.take(List.of(key("a"), key("b"), key("c"), key("d"))).keySet())
        .containsExactlyInAnyOrder(key("b"), key("c"), key("d"));
    assertThat(one).isGreaterThan(10_000);
  }

  /** A document whose every series this instance wrote: it holds their decoded forms. */
  private static Remembered written(String id, int seriesChars) {
    Remembered plain = document(id, seriesChars);
    Map<String, TenantWindows.DecodedSeries> decoded = new HashMap<>();
    decoded.put("pt1m-s", new TenantWindows.DecodedSeries("A".repeat(seriesChars), null, null, null));
    return new Remembered(plain.document(), decoded, plain.seriesChars());
  }

  /** A memory that slims, bounded at {@code bound}, after keeping {@code ids} one batch each, in that order. */
  private static RememberedDocuments<Remembered> keptOneByOne(long bound, String... ids) {
    RememberedDocuments<Remembered> memory = new RememberedDocuments<>(bound, Remembered::bytes, Remembered::slim);
    for (String id : ids) {
      memory.keep(Map.of(key(id), written(id, 10_000)));
    }
    return memory;
  }

  @Test
  void aSlimEntryIsMeasuredByItsStringsAndStandsForTheSameDocument() {
    Remembered fat = written("a", 10_000);
    Remembered slim = fat.slim();

    assertThat(slim.document()).isSameAs(fat.document());
    assertThat(slim.decoded()).isEmpty();
    slim.decoded().put("pt1m-s", fat.decoded().get("pt1m-s")); // mutable: the batch that takes it fills it
    assertThat(fat.bytes() - written("a", 0).bytes()).as("strings + decoded binary + sketches").isEqualTo(32_500);
    assertThat(document("a", 10_000).bytes() - document("a", 0).bytes()).as("the strings alone").isEqualTo(10_000);
    assertThat(document("a", 10_000).slim()).as("nothing to shed").isNull();
  }

  @Test
  void beyondTheBoundTheLeastRecentlyKeptShedTheirDecodedSeriesFirst() {
    long fat = written("x", 10_000).bytes();
    long slim = document("x", 10_000).bytes();
    RememberedDocuments<Remembered> memory = keptOneByOne(2 * fat + slim, "a", "b", "c");

    assertThat(memory.bytes()).isEqualTo(2 * fat + slim);
    Map<DocumentKey, Remembered> all = memory.take(List.of(key("a"), key("b"), key("c")));
    assertThat(all).as("no entry left").containsOnlyKeys(key("a"), key("b"), key("c"));
    assertThat(all.get(key("a")).decoded()).as("the least recently kept is slim").isEmpty();
    assertThat(all.get(key("b")).decoded()).isNotEmpty();
    assertThat(all.get(key("c")).decoded()).isNotEmpty();
  }

  @Test
  void entriesKeptBeforeLeaveBeforeTheEntriesKeptNowLoseTheirDecodedSeries() {
    RememberedDocuments<Remembered> memory =
        keptOneByOne(written("x", 10_000).bytes() + document("x", 10_000).bytes(), "a", "b", "c");

    Map<DocumentKey, Remembered> all = memory.take(List.of(key("a"), key("b"), key("c")));
    assertThat(all).containsOnlyKeys(key("b"), key("c"));
    assertThat(all.get(key("b")).decoded()).isEmpty();
    assertThat(all.get(key("c")).decoded()).isNotEmpty();
  }

  @Test
  void aLongStreamKeepsTheDocumentItWritesEveryBatchDecodedAndForgetsClosedMinutes() {
    long fat = written("x", 10_000).bytes();
    long slim = document("x", 10_000).bytes();
    RememberedDocuments<Remembered> memory =
        new RememberedDocuments<>(2 * fat + 2 * slim, Remembered::bytes, Remembered::slim);
    List<DocumentKey> all = new java.util.ArrayList<>(List.of(key("hour")));
    for (int minute = 1; minute <= 20; minute++) { // each batch writes the hour and that minute
      Map<DocumentKey, Remembered> batch = new java.util.LinkedHashMap<>();
      batch.put(key("hour"), written("hour", 10_000));
      batch.put(key("m" + minute), written("m" + minute, 10_000));
      memory.keep(batch);
      all.add(key("m" + minute));
      assertThat(memory.bytes()).isLessThanOrEqualTo(2 * fat + 2 * slim);
    }

    Map<DocumentKey, Remembered> left = memory.take(all);
    assertThat(left).containsOnlyKeys(key("hour"), key("m18"), key("m19"), key("m20"));
    assertThat(left.get(key("hour")).decoded()).as("written every batch: never slimmed").isNotEmpty();
    assertThat(left.get(key("m20")).decoded()).isNotEmpty();
    assertThat(left.get(key("m19")).decoded()).isEmpty();
  }

  @Test
  void whatWasKeptNowIsSlimmedThenDroppedOnlyWhenItAloneIsBeyondTheBound() {
    long slim = document("x", 10_000).bytes();
    RememberedDocuments<Remembered> memory = new RememberedDocuments<>(slim, Remembered::bytes, Remembered::slim);
    Map<DocumentKey, Remembered> batch = new java.util.LinkedHashMap<>();
    batch.put(key("a"), written("a", 10_000));
    batch.put(key("b"), written("b", 10_000));
    memory.keep(batch);

    Map<DocumentKey, Remembered> left = memory.take(List.of(key("a"), key("b")));
    assertThat(left).containsOnlyKeys(key("b"));
    assertThat(left.get(key("b")).decoded()).isEmpty();
  }

  @Test
  void aMetricWindowDocumentCountsItsSketchBytesAndAttributes() {
    long bare = RememberedDocuments.metricWindowBytes(metricWindow(Map.of(), 0));
    long withSketch = RememberedDocuments.metricWindowBytes(metricWindow(Map.of(), 8_192));
    long withAttributes = RememberedDocuments.metricWindowBytes(metricWindow(Map.of("http.route", "/a".repeat(50)), 0));

    assertThat(withSketch - bare).isEqualTo(8_192);
    assertThat(withAttributes - bare).isGreaterThanOrEqualTo(2L * ("http.route".length() + 100));
    RememberedDocuments<Versioned<MetricWindowDocument>> memory =
        new RememberedDocuments<>(2 * withSketch, RememberedDocuments::metricWindowBytes);
    memory.keep(Map.of(key("a"), metricWindow(Map.of(), 8_192)));
    memory.keep(Map.of(key("b"), metricWindow(Map.of(), 8_192)));
    memory.keep(Map.of(key("c"), metricWindow(Map.of(), 8_192)));
    assertThat(memory.bytes()).isEqualTo(2 * withSketch);
    assertThat(memory.take(List.of(key("a"), key("b"), key("c"))).keySet()).containsExactlyInAnyOrder(key("b"), key("c"));
  }

  /** A metric window document with one histogram series of those attributes and sketch bytes. */
  private static Versioned<MetricWindowDocument> metricWindow(Map<String, String> attributes, int sketchBytes) {
    MetricSeries series = new MetricSeries("checkout", "http.server.request.duration", "s", "histogram", attributes, 1, 1,
        0.5, 0.5, 0.5, null, 0, 0, false, new byte[sketchBytes]);
    return new Versioned<>(new MetricWindowDocument("metric-pt1m-x", "acme", "metric", "PT1M", T0, T0.plusSeconds(60), "0",
        1, 0, 0, List.of(series), 7, 1, T0), "\"1\"");
  }
}
