package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosItemSerializer;
import com.azure.cosmos.implementation.Document;
import com.azure.cosmos.implementation.InternalObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.pulse.domain.telemetry.log.LogSeries;
import com.pulse.domain.telemetry.log.LogTemplateCount;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricStreamDocument;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import com.pulse.domain.telemetry.metric.StreamPoint;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The raw-list JSON of log, metric and stream-state documents against the generic mapping. */
class SeriesListJsonTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  /** Strings JSON must escape, non-ASCII in and beyond Latin-1, a surrogate pair, plain ones. */
  private static final String[] TEXTS = {
      "checkout", "", "a \"quoted\" \\ path\n\t", "é-ß", "\u0141\u0122", "emoji \uD83D\uDE00", "ctl\u0001", "?/=+"};

  private static String text(Random random) {
    return TEXTS[random.nextInt(TEXTS.length)] + random.nextInt(100);
  }

  private static Double boxed(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> null;
      case 1 -> -0.0;
      case 2 -> 1e-300 * random.nextDouble();
      default -> random.nextGaussian() * 1e6;
    };
  }

  private static Instant instant(Random random) {
    return Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(3) * 120_000_000);
  }

  static MetricSeries metricSeries(Random random) {
    Map<String, String> attributes = new TreeMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      attributes.put(text(random), text(random));
    }
    byte[] sketch = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(300)];
    random.nextBytes(sketch);
    return new MetricSeries(text(random), text(random), random.nextBoolean() ? "ms" : "", "histogram", attributes,
        random.nextInt(1000), random.nextLong(), random.nextDouble() * 1e9, boxed(random), boxed(random), boxed(random),
        random.nextLong(), random.nextGaussian(), random.nextBoolean(), sketch);
  }

  static MetricWindowDocument metricWindow(Random random, List<MetricSeries> series) {
    Instant start = instant(random);
    return new MetricWindowDocument("metric-pt1m-" + Long.toHexString(random.nextLong()), "tenant-" + random.nextInt(5),
        MetricWindowDocument.SIGNAL, "PT1M", start, start.plusSeconds(60), Integer.toString(random.nextInt(32)),
        random.nextInt(100_000), random.nextInt(10), random.nextInt(10), series, random.nextInt(1_000_000) - 1,
        1 + random.nextInt(1000), start.plusSeconds(61).plusNanos(random.nextInt(1000) * 1000L));
  }

  private static LogWindowDocument logWindow(Random random) {
    List<LogSeries> series = new ArrayList<>();
    for (int i = random.nextInt(30); i > 0; i--) {
      List<LogTemplateCount> templates = new ArrayList<>();
      for (int j = random.nextInt(4); j > 0; j--) {
        templates.add(new LogTemplateCount(text(random), random.nextInt(100)));
      }
      series.add(new LogSeries(text(random), "ERROR", random.nextInt(1000), templates, random.nextInt(5)));
    }
    Instant start = instant(random);
    return new LogWindowDocument("log-pt1m-" + Long.toHexString(random.nextLong()), "tenant-" + random.nextInt(5),
        "log", "PT1M", start, start.plusSeconds(60), "3", random.nextInt(10_000), random.nextInt(10), series,
        random.nextInt(1_000_000) - 1, 1 + random.nextInt(100), start.plusSeconds(61));
  }

  private static MetricStreamDocument streams(Random random) {
    List<StreamPoint> points = new ArrayList<>();
    for (int i = random.nextInt(30); i > 0; i--) {
      long[] buckets = random.longs(random.nextInt(6), 0, 1000).toArray();
      points.add(new StreamPoint(random.nextLong(), random.nextLong(), random.nextLong(), random.nextGaussian(),
          random.nextInt(1000), random.nextDouble(), buckets, random.nextInt(20) - 10, random.nextInt(10),
          random.nextInt(100) - 50, random.longs(random.nextInt(4), 0, 50).toArray(), 0, new long[0]));
    }
    return new MetricStreamDocument("metricstate-" + Long.toHexString(random.nextLong()), "tenant-1",
        MetricStreamDocument.SIGNAL, "7", points, random.nextInt(1_000_000), 1 + random.nextInt(9), instant(random));
  }

  /** The request body the Cosmos DB SDK makes of {@code tree} (as {@code bench.CosmosJsonSignalStores} documents). */
  private static String requestBody(ObjectNode tree, boolean create) {
    CosmosItemSerializer serializer = CosmosItemSerializer.DEFAULT_SERIALIZER;
    ByteBuffer buffer = create
        ? InternalObjectNode.serializeJsonToByteBuffer(tree, serializer, null, true)
        : Document.fromObject(tree, serializer).serializeJsonToByteBuffer(serializer, null, false);
    byte[] b = new byte[buffer.remaining()];
    buffer.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Every way Jackson or the SDK writes {@code stored} gives the generic mapping's JSON of {@code document}. */
  private static <D> void assertSameJson(ObjectNode stored, D document, Class<D> type) throws Exception {
    ObjectNode generic = CosmosDocuments.toDocument(document);
    String expected = new String(PLAIN.writeValueAsBytes(generic), StandardCharsets.UTF_8);
    assertThat(new String(PLAIN.writeValueAsBytes(stored), StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(PLAIN.writeValueAsString(stored)).as("through Jackson's character generator").isEqualTo(expected);
    TokenBuffer tokens = new TokenBuffer(PLAIN, false);
    PLAIN.writeValue(tokens, stored);
    StringWriter replayed = new StringWriter();
    try (JsonGenerator g = PLAIN.createGenerator(replayed)) {
      tokens.serialize(g);
    }
    assertThat(replayed.toString()).as("recorded in a token buffer and replayed").isEqualTo(expected);
    assertThat(requestBody(stored, true)).as("the SDK's create body").isEqualTo(requestBody(generic, true));
    assertThat(requestBody(stored, false)).as("the SDK's replace body").isEqualTo(requestBody(generic, false));
    assertThat(CosmosDocuments.fromDocument((ObjectNode) PLAIN.readTree(expected), type)).usingRecursiveComparison()
        .isEqualTo(document);
  }

  @Test
  void theStoredJsonOfEveryDocumentTypeIsTheGenericMappingsByteForByte() throws Exception {
    Random random = new Random(11);
    for (int i = 0; i < 150; i++) {
      List<MetricSeries> series = new ArrayList<>();
      for (int n = random.nextInt(25); n > 0; n--) {
        series.add(metricSeries(random));
      }
      MetricWindowDocument metric = metricWindow(random, series);
      assertSameJson(SeriesListJson.metricWindows(1 << 20).toStored(metric), metric, MetricWindowDocument.class);
      LogWindowDocument log = logWindow(random);
      assertSameJson(SeriesListJson.logWindows(1 << 20).toStored(log), log, LogWindowDocument.class);
      MetricStreamDocument state = streams(random);
      assertSameJson(SeriesListJson.metricStreams(0).toStored(state), state, MetricStreamDocument.class);
    }
  }

  private static SeriesListJson.ElementArray array(ObjectNode stored) {
    return (SeriesListJson.ElementArray) ((RawValue) ((POJONode) stored.get("series")).getPojo()).rawValue();
  }

  @Test
  void aWriteSerializesOnlyTheElementsItChangedWhereverTheyMoved() throws Exception {
    Random random = new Random(3);
    List<MetricSeries> series = new ArrayList<>();
    for (int n = 0; n < 20; n++) {
      series.add(metricSeries(random));
    }
    SeriesListJson<MetricWindowDocument> json = SeriesListJson.metricWindows(1 << 20);
    MetricWindowDocument first = metricWindow(random, series);
    SeriesListJson.ElementArray before = array(json.toStored(first));

    List<MetricSeries> next = new ArrayList<>(series);
    next.set(4, metricSeries(random)); // changed
    next.add(0, metricSeries(random)); // a new one shifts the rest
    Collections.swap(next, 10, 11);
    MetricWindowDocument second = new MetricWindowDocument(first.id(), first.tenantId(), first.signal(),
        first.granularity(), first.windowStart(), first.windowEnd(), first.partition(), first.points() + 3,
        first.lateCount(), first.overflowPoints(), next, first.lastSequenceNumber() + 40, first.version() + 1,
        first.updatedAt().plusSeconds(5));
    ObjectNode stored = json.toStored(second);
    SeriesListJson.ElementArray after = array(stored);

    for (int i = 0; i < next.size(); i++) {
      int was = series.indexOf(next.get(i));
      boolean same = was >= 0 && series.get(was) == next.get(i);
      if (same) {
        assertThat(after.element(i)).as("series %d kept its bytes", i).isSameAs(before.element(was));
      } else {
        assertThat(series).as("series %d is new", i).doesNotContain(next.get(i));
      }
    }
    assertSameJson(stored, second, MetricWindowDocument.class);

    List<MetricSeries> third = new ArrayList<>(next);
    third.set(7, metricSeries(random)); // the same size: changed in place
    SeriesListJson.ElementArray replaced = array(json.toStored(new MetricWindowDocument(second.id(),
        second.tenantId(), second.signal(), second.granularity(), second.windowStart(), second.windowEnd(),
        second.partition(), second.points() + 1, second.lateCount(), second.overflowPoints(), third,
        second.lastSequenceNumber() + 1, second.version() + 1, second.updatedAt().plusSeconds(1))));
    for (int i = 0; i < third.size(); i++) {
      if (i == 7) {
        assertThat(replaced.element(i)).isNotSameAs(after.element(i))
            .isEqualTo(CosmosDocuments.toJsonBytes(third.get(i)));
      } else {
        assertThat(replaced.element(i)).as("series %d kept its bytes", i).isSameAs(after.element(i));
      }
    }

    SeriesListJson.ElementArray other = array(SeriesListJson.metricWindows(1 << 20).toStored(second));
    assertThat(other.element(1)).as("another mapping remembers nothing").isNotSameAs(after.element(1)).isEqualTo(after.element(1));
  }

  @Test
  void rememberedBytesStayUnderTheLimitOldestFirstOutAndZeroRemembersNothing() {
    Random random = new Random(5);
    SeriesListJson<MetricWindowDocument> json = SeriesListJson.metricWindows(20_000);
    List<MetricWindowDocument> documents = new ArrayList<>();
    List<byte[]> firstElements = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      List<MetricSeries> series = new ArrayList<>();
      for (int n = 0; n < 10; n++) {
        series.add(metricSeries(random));
      }
      documents.add(metricWindow(random, series));
      firstElements.add(array(json.toStored(documents.get(i))).element(0));
      assertThat(json.rememberedBytes()).isBetween(1L, 20_000L);
    }
    MetricWindowDocument oldest = documents.get(0);
    MetricWindowDocument newest = documents.get(39);
    assertThat(array(json.toStored(newest)).element(0)).as("the newest is remembered").isSameAs(firstElements.get(39));
    byte[] oldestFirst = array(json.toStored(oldest)).element(0);
    assertThat(oldestFirst).as("the oldest was let go").isNotSameAs(firstElements.get(0)).isEqualTo(firstElements.get(0));
    SeriesListJson<MetricWindowDocument> none = SeriesListJson.metricWindows(0);
    none.toStored(oldest);
    assertThat(none.rememberedBytes()).isZero();
    assertThat(array(none.toStored(oldest)).element(0)).isNotSameAs(oldestFirst).isEqualTo(oldestFirst);
  }
}
