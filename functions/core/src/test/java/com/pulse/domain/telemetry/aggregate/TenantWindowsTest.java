package com.pulse.domain.telemetry.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.SeriesMap;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantWindowsTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  private static WindowAccumulator minuteDelta(String operation, long sequenceNumber) {
    WindowAggregator aggregator = new WindowAggregator();
    aggregator.beginEvent(sequenceNumber, T0.toEpochMilli());
    aggregator.request("acme", "checkout", operation, T0.toEpochMilli() + 1_000, 12.5, false, "u1");
    return aggregator.accumulators().get(0);
  }

  /** Deltas of series {@code pt1m-a} and {@code pt1m-b} with the given sequence numbers. */
  private static Map<String, WindowAccumulator> twoDeltas(long a, long b) {
    Map<String, WindowAccumulator> deltas = new LinkedHashMap<>();
    deltas.put("pt1m-a", minuteDelta("a", a));
    deltas.put("pt1m-b", minuteDelta("b", b));
    return deltas;
  }

  @Test
  void aNewDocumentHoldsTheDeltasAndTheLargestSequenceNumber() {
    TenantWindows.Merged merged = TenantWindows.merge(null, twoDeltas(7, 9), "3", 0, T0);

    TenantWindowDocument d = merged.document();
    assertThat(d.id()).isEqualTo(TenantWindows.idOf("acme", Granularity.MINUTE, T0, "3", 0)).startsWith("pt1m-t");
    assertThat(d.lastSequenceNumber()).isEqualTo(9);
    assertThat(d.version()).isEqualTo(1);
    assertThat(TenantWindows.series(d)).extracting(w -> w.operation() + " " + w.count() + " " + w.lastSequenceNumber())
        .containsExactlyInAnyOrder("a 1 7", "b 1 9");
    assertThat(merged.changed()).extracting(v -> v.document().id()).containsExactly("pt1m-a", "pt1m-b");
  }

  @Test
  void theMergeMarksTheStringsItEncodedPlainAndKeepsEverySeriesInItsSlot() {
    TenantWindowDocument first = TenantWindows.merge(null, twoDeltas(7, 9), "3", 0, T0).document();
    Map<String, String> read = new HashMap<>(first.series()); // as a store would hand it back
    read.put("pt1m-edited", "not base64, never touched");
    TenantWindowDocument found = new TenantWindowDocument(first.id(), first.tenantId(), first.granularity(),
        first.windowStart(), first.windowEnd(), first.partition(), first.shard(), first.lastSequenceNumber(),
        first.version(), first.updatedAt(), read);

    TenantWindowDocument next = TenantWindows.merge(found, Map.of("pt1m-a", minuteDelta("a", 12)), "3", 0, T0).document();

    SeriesMap series = (SeriesMap) next.series();
    assertThat(series.plain(series.slotOf("pt1m-a"))).isTrue();
    assertThat(series.plain(series.slotOf("pt1m-b"))).as("carried over from a read").isFalse();
    assertThat(series.plain(series.slotOf("pt1m-edited"))).isFalse();
    TenantWindowDocument again = TenantWindows.merge(next, Map.of("pt1m-new", minuteDelta("new", 13)), "3", 0, T0)
        .document();
    SeriesMap later = (SeriesMap) again.series();
    for (int slot = 0; slot < series.size(); slot++) {
      assertThat(later.sameId(series, slot)).isTrue();
      assertThat(later.value(slot)).isSameAs(series.value(slot));
    }
    assertThat(later.plain(later.slotOf("pt1m-new"))).isTrue();
    assertThat(later.plain(later.slotOf("pt1m-a"))).isTrue();
  }

  @Test
  void aDocumentOverTheSizeGuardIsRefusedNamingTheTenantAndTheRemedy() {
    Map<String, String> series = new HashMap<>();
    for (int i = 0; i < 95; i++) {
      series.put("pt1m-" + i, "A".repeat(20_000)); // never decoded: only the touched series are
    }
    TenantWindowDocument big = new TenantWindowDocument(TenantWindows.idOf("acme", Granularity.MINUTE, T0, "3", 0), "acme",
        "PT1M", T0, T0.plusSeconds(60), "3", 0, 5, 1, T0, series);

    assertThatThrownBy(() -> TenantWindows.merge(big, Map.of("pt1m-new", minuteDelta("new", 6)), "3", 0, T0))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("acme").hasMessageContaining("96 series")
        .hasMessageContaining("shard count");
  }

  @Test
  void decodedSeriesAreUsedOnlyForTheIdenticalStoredStringAndGiveTheSameDocumentAsDecoding() {
    TenantWindows.Merged one = TenantWindows.merge(null, twoDeltas(7, 8), "3", 0, T0);
    Map<String, TenantWindows.DecodedSeries> decoded = TenantWindows.putDecoded(new HashMap<>(), one);
    assertThat(TenantWindows.seriesChars(one.document())).isEqualTo(one.seriesCharsDelta());
    assertThat(decoded.keySet()).containsExactlyInAnyOrder("pt1m-a", "pt1m-b");
    assertThat(decoded.get("pt1m-a").series()).usingRecursiveComparison()
        .isEqualTo(SeriesCodec.decode("pt1m-a", one.document().series().get("pt1m-a"), one.document()));

    Map<String, WindowAccumulator> second = Map.of("pt1m-a", minuteDelta("a", 9));
    TenantWindows.Merged withHints = TenantWindows.merge(one.document(), second, "3", 0, T0.plusSeconds(1), decoded);
    TenantWindows.Merged decoding = TenantWindows.merge(one.document(), second, "3", 0, T0.plusSeconds(1));
    assertThat(withHints.document()).isEqualTo(decoding.document());

    WindowDocument a = decoded.get("pt1m-a").series();
    WindowDocument wrong = new WindowDocument(a.id(), a.tenantId(), a.service(), a.operation(), a.dependency(),
        a.granularity(), a.windowStart(), a.windowEnd(), a.partition(), 100, 0, 0, 1250.0, a.latencySketch(),
        a.userSketch(), a.lastSequenceNumber(), a.version(), a.updatedAt());
    // a hint for another string of the same series (here an equal copy) is ignored, whatever it holds
    assertThat(TenantWindows.merge(one.document(), second, "3", 0, T0.plusSeconds(1),
        Map.of("pt1m-a", new TenantWindows.DecodedSeries(one.document().series().get("pt1m-a"), wrong))).document())
        .as("the identical string: the hint is used (so the test can tell)").isNotEqualTo(decoding.document());
    Map<String, TenantWindows.DecodedSeries> stale = Map.of("pt1m-a",
        new TenantWindows.DecodedSeries(new String(one.document().series().get("pt1m-a")), wrong));
    assertThat(TenantWindows.merge(one.document(), second, "3", 0, T0.plusSeconds(1), stale).document())
        .isEqualTo(decoding.document());

    TenantWindows.DecodedSeries b = decoded.get("pt1m-b");
    Map<String, TenantWindows.DecodedSeries> after = TenantWindows.putDecoded(decoded, withHints);
    assertThat(after.get("pt1m-b")).as("untouched: its string is carried over").isSameAs(b);
    assertThat(withHints.document().series().get("pt1m-b")).isSameAs(b.stored());
    assertThat(after.get("pt1m-a").stored()).isSameAs(withHints.document().series().get("pt1m-a"));
    assertThat(TenantWindows.seriesChars(withHints.document()))
        .isEqualTo(TenantWindows.seriesChars(one.document()) + withHints.seriesCharsDelta());
  }

  /** A delta of series {@code pt1m-a} with {@code users} requests of new users, latencies spread over many bins. */
  private static WindowAccumulator usersDelta(int batch, int users, long sequenceNumber) {
    WindowAggregator aggregator = new WindowAggregator();
    aggregator.beginEvent(sequenceNumber, T0.toEpochMilli());
    for (int i = 0; i < users; i++) {
      aggregator.request("acme", "checkout", "a", T0.toEpochMilli() + 1_000, 1 + (batch * 31 + i) % 500, i % 9 == 0,
          "user-" + batch + "-" + i);
    }
    return aggregator.accumulators().get(0);
  }

  /**
   * The first 8 header bytes (mode, lgK, flags), then the 4-byte words after the header: coupons,
   * sorted, or HLL registers in order. Bytes 8.. of the header hold HIP's accumulator, which depends
   * on the order coupons were promoted in (see {@code UserSketches}).
   */
  private static String sortedCoupons(byte[] image) {
    int header = (image[0] & 0x3F) * 4; // DataSketches preamble: byte 0 = preamble ints
    java.nio.IntBuffer words = java.nio.ByteBuffer.wrap(image, header, (image.length - header) / 4 * 4).asIntBuffer();
    int[] w = new int[words.remaining()];
    words.get(w);
    if ((image[7] & 0x03) != 2) { // not HLL mode (mode bits of byte 7): order is the hash table's
      java.util.Arrays.sort(w);
    }
    return java.util.Arrays.toString(java.util.Arrays.copyOf(image, 8)) + java.util.Arrays.toString(w);
  }

  @Test
  void rememberedUserSketchesAndSplicedTextGiveTheDocumentThatDecodingGives() {
    // batches of 3, then 40, then 600 new users: the HLL image goes LIST, SET, then HLL mode
    TenantWindowDocument remembered = null;
    TenantWindowDocument decoding = null;
    Map<String, TenantWindows.DecodedSeries> decoded = new HashMap<>();
    int[] users = {3, 3, 40, 40, 40, 600, 600, 1};
    for (int batch = 0; batch < users.length; batch++) {
      Map<String, WindowAccumulator> deltas = Map.of("pt1m-a", usersDelta(batch, users[batch], 10 + batch));
      TenantWindows.Merged withMemory = TenantWindows.merge(remembered, deltas, "3", 0, T0.plusSeconds(batch), decoded);
      TenantWindows.Merged fresh = TenantWindows.merge(decoding, deltas, "3", 0, T0.plusSeconds(batch));
      WindowDocument a = TenantWindows.series(withMemory.document()).get(0);
      WindowDocument b = TenantWindows.series(fresh.document()).get(0);
      assertThat(a).usingRecursiveComparison().ignoringFields("userSketch").isEqualTo(b);
      // the same users: a SET-mode image lists the same coupons, in hash-table order, which may differ
      assertThat(sortedCoupons(a.userSketch())).as("batch %d", batch).isEqualTo(sortedCoupons(b.userSketch()));
      assertThat(UserSketches.estimate(a.userSketch())).as("batch %d", batch).isEqualTo(UserSketches.estimate(b.userSketch()))
          .isEqualTo(withMemory.changed().get(0).distinctUsers()).isEqualTo(fresh.changed().get(0).distinctUsers());
      assertThat(withMemory.decoded().get(0).users() == null).isEqualTo(a.userSketch().length == 0);
      if (withMemory.decoded().get(0).users() != null) {
        assertThat(withMemory.decoded().get(0).users().toCompactByteArray()).isEqualTo(a.userSketch());
      }
      remembered = withMemory.document();
      decoding = fresh.document();
      decoded = TenantWindows.putDecoded(decoded, withMemory);
    }
    assertThat(TenantWindows.series(remembered).get(0).count()).isEqualTo(java.util.Arrays.stream(users).sum());
  }

  @Test
  void theDistinctUserEstimateDependsOnTheUsersNotOnHowBatchesCutThem() {
    long[] estimates = new long[3];
    int[] batchSizes = {50, 70, 3_000};
    for (int b = 0; b < batchSizes.length; b++) {
      byte[] image = new byte[0];
      long estimate = 0;
      for (int start = 0; start < 3_000; start += batchSizes[b]) {
        WindowAccumulator delta = new WindowAccumulator("t", "s", null, "o", Granularity.HOUR, 0L, 0);
        for (int i = start; i < Math.min(3_000, start + batchSizes[b]); i++) {
          delta.add(1.0, 0, false, false, true, UserSketches.hash64("user-" + i), i);
        }
        UserSketches.Merged merged = UserSketches.union(image, null, delta);
        image = merged.image();
        estimate = merged.estimate();
        // HIP's accumulator (getEstimate) differs between these three cuts; the registers do not
      }
      estimates[b] = estimate;
      assertThat(UserSketches.estimate(image)).isEqualTo(estimate);
    }
    assertThat(estimates[1]).isEqualTo(estimates[0]);
    assertThat(estimates[2]).isEqualTo(estimates[0]);
    assertThat(estimates[0]).isBetween(2_900L, 3_100L);
  }
}
