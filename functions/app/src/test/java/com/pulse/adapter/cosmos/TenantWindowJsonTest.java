package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.domain.telemetry.SeriesMap;
import com.pulse.domain.telemetry.TenantWindowDocument;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-mapped, raw-series JSON of tenant window documents against the generic mapping. */
class TenantWindowJsonTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static TenantWindowDocument document(Random random, int seriesCount, Instant start) {
    Map<String, String> series = new LinkedHashMap<>();
    for (int i = 0; i < seriesCount; i++) {
      byte[] state = new byte[1 + random.nextInt(600)];
      random.nextBytes(state);
      series.put("pt1m-" + Long.toHexString(random.nextLong()), Base64.getEncoder().encodeToString(state));
    }
    return new TenantWindowDocument("pt1m-t" + Long.toHexString(random.nextLong()), "tenant-" + random.nextInt(5),
        "PT1M", start, start.plusSeconds(60), Integer.toString(random.nextInt(32)), random.nextInt(4),
        random.nextInt(1_000_000) - 1, 1 + random.nextInt(1000), start.plusSeconds(61).plusNanos(random.nextInt(1000) * 1000L),
        series);
  }

  /** {@code d} holding {@code series} instead. */
  private static TenantWindowDocument withSeries(TenantWindowDocument d, Map<String, String> series) {
    return new TenantWindowDocument(d.id(), d.tenantId(), d.granularity(), d.windowStart(), d.windowEnd(), d.partition(),
        d.shard(), d.lastSequenceNumber(), d.version(), d.updatedAt(), series);
  }

  /** {@code d} with series {@code id} set to {@code value}. */
  private static TenantWindowDocument withSeries(TenantWindowDocument d, String id, String value) {
    Map<String, String> series = new HashMap<>(d.series());
    series.put(id, value);
    return withSeries(d, series);
  }

  /** What the store does with {@code mapping}: the tree to write, then remembering its series bytes. */
  private static ObjectNode write(TenantWindowJson mapping, TenantWindowDocument doc) {
    ObjectNode stored = mapping.toStored(doc);
    mapping.written(doc, stored);
    return stored;
  }

  /** {@code node} as the Cosmos SDK writes it: UTF-8 bytes (Jackson's byte generator). */
  private static String json(ObjectNode node) throws Exception {
    return new String(PLAIN.writeValueAsBytes(node), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void theStoredJsonIsTheGenericMappingsCharacterForCharacterAndReadsBackEqual() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      TenantWindowDocument doc = document(random, random.nextInt(40),
          Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(3) * 120_000_000));
      TenantWindowJson mapping = new TenantWindowJson();
      String written = json(mapping.toStored(doc));

      assertThat(written).isEqualTo(json(CosmosDocuments.toDocument(doc)));
      assertThat(PLAIN.writeValueAsString(mapping.toStored(doc))).as("through Jackson's character generator too")
          .isEqualTo(written);
      com.fasterxml.jackson.databind.util.TokenBuffer tokens = new com.fasterxml.jackson.databind.util.TokenBuffer(PLAIN, false);
      PLAIN.writeValue(tokens, mapping.toStored(doc)); // as the Cosmos SDK's id check on create does
      java.io.StringWriter replayed = new java.io.StringWriter();
      try (com.fasterxml.jackson.core.JsonGenerator g = PLAIN.createGenerator(replayed)) {
        tokens.serialize(g);
      }
      assertThat(replayed.toString()).as("recorded in a token buffer and replayed").isEqualTo(written);
      ObjectNode read = (ObjectNode) PLAIN.readTree(written);
      read.put("_etag", "\"e" + i + "\"").put("_ts", 1).put("ttl", 60);
      assertThat(new TenantWindowJson().fromStored(read)).isEqualTo(doc);
    }
  }

  @Test
  void aSeriesThatJsonMustEscapeIsWrittenAsAnEscapedString() throws Exception {
    TenantWindowDocument edited = withSeries(document(new Random(1), 2, Instant.parse("2026-11-21T06:00:00Z")),
        "pt1m-edited", "a \"quoted\" \\ é\n");

    String written = json(new TenantWindowJson().toStored(edited));

    assertThat(PLAIN.readTree(written)).isEqualTo(PLAIN.readTree(json(CosmosDocuments.toDocument(edited))));
    assertThat(PLAIN.readTree(written).get("series").get("pt1m-edited").textValue()).isEqualTo("a \"quoted\" \\ é\n");
  }

  @Test
  void aCharacterOutsideLatin1IsNotMistakenForTheAsciiOfItsLowByteAndAQuestionMarkStaysRaw() throws Exception {
    TenantWindowDocument withQuestion = withSeries(document(new Random(6), 2, Instant.parse("2026-11-21T06:00:00Z")),
        "pt1m-question", "AB?C");
    ObjectNode stored = new TenantWindowJson().toStored(withQuestion);
    assertThat(stored.get("series").isPojo()).as("'?' is plain ASCII: the raw object").isTrue();
    assertThat(json(stored)).isEqualTo(json(CosmosDocuments.toDocument(withQuestion)));

    TenantWindowDocument edited = withSeries(withQuestion, "pt1m-edited", "\u0141\u0122"); // low bytes 'A', '"'
    ObjectNode escaped = new TenantWindowJson().toStored(edited);
    assertThat(escaped.get("series").isObject()).isTrue();
    assertThat(PLAIN.readTree(json(escaped)).get("series").get("pt1m-edited").textValue()).isEqualTo("\u0141\u0122");
    assertThat(TenantWindowJson.SeriesObject.member("pt1m-x", "\u0141")).isNull();
    assertThat(TenantWindowJson.SeriesObject.member("pt1m-x", "a\u007f")).isNull();
    assertThat(TenantWindowJson.SeriesObject.member("pt1m-x", "Zm9v+/=="))
        .isEqualTo("\"pt1m-x\":\"Zm9v+/==\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void aReadIsMappedFromTheTreeEvenForTheVersionThisInstanceWrote() throws Exception {
    TenantWindowJson mapping = new TenantWindowJson();
    TenantWindowDocument mine = document(new Random(2), 5, Instant.parse("2026-11-21T06:00:00Z"));
    ObjectNode stored = write(mapping, mine);

    ObjectNode read = (ObjectNode) PLAIN.readTree(json(stored));
    read.put("version", mine.version() + 1).put("_etag", "\"2\"");
    TenantWindowDocument theirs = mapping.fromStored(read);
    assertThat(theirs).isNotSameAs(mine);
    assertThat(theirs.version()).isEqualTo(mine.version() + 1);
    assertThat(theirs.series()).isEqualTo(mine.series());
  }

  @Test
  void aWriteReusesTheBytesOfSeriesItCarriesOverAndEncodesTheOnesItChanged() throws Exception {
    TenantWindowJson mapping = new TenantWindowJson();
    TenantWindowDocument generated = document(new Random(3), 4, Instant.parse("2026-11-21T06:00:00Z"));
    TenantWindowDocument first = withSeries(generated, SeriesMap.of(generated.series()));
    ObjectNode stored = write(mapping, first);
    SeriesMap.Editor edit = ((SeriesMap) first.series()).edit();
    String changed = first.series().keySet().iterator().next();
    edit.put(changed, "AAAA");
    edit.put("pt1m-added", "BBBB");
    SeriesMap next = edit.build();
    TenantWindowDocument second = withSeries(first, next);

    ObjectNode again = mapping.toStored(second);

    assertThat(json(again)).isEqualTo(json(CosmosDocuments.toDocument(second)));
    String kept = next.keySet().stream().filter(k -> !k.equals(changed) && !k.equals("pt1m-added")).findFirst().orElseThrow();
    assertThat(rawOf(again, kept)).isSameAs(rawOf(stored, kept));
    assertThat(rawOf(again, changed)).isNotSameAs(rawOf(stored, changed));

    SeriesMap.Editor plainEdit = next.edit();
    plainEdit.setPlain(next.slotOf(changed), "Q0NDQw==");
    TenantWindowDocument third = withSeries(second, plainEdit.build());
    assertThat(json(mapping.toStored(third))).as("a value marked plain, copied as it is")
        .isEqualTo(json(CosmosDocuments.toDocument(third)));
    assertThat(TenantWindowJson.SeriesObject.member("pt1m-x", "Zm9v+/==", true))
        .isEqualTo(TenantWindowJson.SeriesObject.member("pt1m-x", "Zm9v+/=="));
    assertThat(TenantWindowJson.SeriesObject.member("pt1m-\"x", "Zm9v", true)).as("ids are checked").isNull();

    TenantWindowDocument reordered = withSeries(second, new java.util.TreeMap<>(next).descendingMap());
    assertThat(json(mapping.toStored(reordered))).as("series in other slots: built anew, same JSON")
        .isEqualTo(json(CosmosDocuments.toDocument(reordered)));
  }

  @Test
  void rememberedBytesStayUnderTheLimitOldestFirstOut() throws Exception {
    TenantWindowJson mapping = new TenantWindowJson(20_000);
    Random random = new Random(4);
    TenantWindowDocument first = null;
    ObjectNode firstStored = null;
    for (int i = 0; i < 50; i++) {
      TenantWindowDocument doc = document(random, 10, Instant.parse("2026-11-21T06:00:00Z").plusSeconds(60L * i));
      ObjectNode stored = write(mapping, doc);
      if (i == 0) {
        first = doc;
        firstStored = stored;
      }
      assertThat(mapping.rememberedBytes()).isLessThanOrEqualTo(20_000);
    }
    String kept = first.series().keySet().iterator().next();
    assertThat(rawOf(mapping.toStored(first), kept)).as("the first document was let go: its bytes are built anew")
        .isNotSameAs(rawOf(firstStored, kept));
  }

  @Test
  void anInvalidDocumentFailsNamingItsId() throws Exception {
    ObjectNode stored = new TenantWindowJson().toStored(document(new Random(5), 1, Instant.parse("2026-11-21T06:00:00Z")));
    ObjectNode broken = (ObjectNode) PLAIN.readTree(json(stored));
    broken.put("windowStart", "yesterday");
    assertThatThrownBy(() -> new TenantWindowJson().fromStored(broken))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(stored.get("id").asText())
        .hasMessageContaining("TenantWindowDocument");
  }

  /** The bytes of the member {@code seriesId} of the raw series object of {@code stored}. */
  private static byte[] rawOf(ObjectNode stored, String seriesId) {
    TenantWindowJson.SeriesObject object = (TenantWindowJson.SeriesObject) ((com.fasterxml.jackson.databind.util.RawValue)
        ((com.fasterxml.jackson.databind.node.POJONode) stored.get("series")).getPojo()).rawValue();
    return object.memberOf(seriesId).bytes();
  }
}
