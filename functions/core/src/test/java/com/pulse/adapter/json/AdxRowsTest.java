package com.pulse.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.aggregate.LatencySketches;
import com.pulse.domain.telemetry.log.LogSeries;
import com.pulse.domain.telemetry.log.LogTemplateCount;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import com.pulse.domain.telemetry.metric.MetricWindowVersion;
import com.pulse.domain.telemetry.metric.MetricWindows;
import com.pulse.domain.telemetry.metric.SeriesStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The bytes of {@link AdxRows}: field names in order, values that read back to the domain values
 * (doubles to the identical {@code double}, instants as {@link Instant#toString()}), the same
 * bytes from many threads at once, and {@code windowRow}'s direct writer byte for byte against
 * Jackson's generator ({@code writeWindow}) on random versions. The field names against the ADX
 * mappings: {@code AdxMappingContractTest}.
 */
class AdxRowsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-11-21T06:01:00Z");

  @Test
  void windowRowHasTheMappingFieldsInOrderWithTheDomainValues() throws IOException {
    WindowVersion v = version(1, 12.5, 48.25, 103.0, START.plusSeconds(65).plusMillis(120),
        new int[] {-3, 0, 150, 5_000}, new long[] {1, 2, 3, 4});
    JsonNode row = JSON.readTree(AdxRows.windowRow(v));

    assertThat(names(row)).containsExactly("id", "tenantId", "service", "operation", "dependency", "granularity",
        "windowStart", "windowEnd", "partition", "count", "errorCount", "lateCount", "latencySumMs", "p50Ms", "p95Ms",
        "p99Ms", "distinctUsers", "sketchGamma", "sketchZeroCount", "sketchBins", "lastSequenceNumber", "version",
        "updatedAt");
    WindowDocument d = v.document();
    assertThat(row.get("id").asText()).isEqualTo(d.id());
    assertThat(row.get("dependency").asText()).isEmpty();
    assertThat(row.get("windowStart").asText()).isEqualTo("2026-11-21T06:01:00Z");
    assertThat(row.get("windowEnd").asText()).isEqualTo("2026-11-21T06:02:00Z");
    assertThat(row.get("updatedAt").asText()).isEqualTo("2026-11-21T06:02:05.120Z");
    assertThat(row.get("count").isIntegralNumber()).isTrue();
    assertThat(row.get("count").asLong()).isEqualTo(d.count());
    assertThat(row.get("latencySumMs").asDouble()).isEqualTo(d.latencySumMs());
    assertThat(row.get("p95Ms").asDouble()).isEqualTo(48.25);
    assertThat(row.get("sketchGamma").isFloatingPointNumber()).isTrue();
    assertThat(row.get("sketchGamma").asDouble()).isEqualTo(LatencySketches.GAMMA);
    assertThat(row.get("sketchBins").toString()).isEqualTo("{\"-3\":1,\"0\":2,\"150\":3,\"5000\":4}");
    assertThat(row.get("lastSequenceNumber").asLong()).isEqualTo(d.lastSequenceNumber());
    assertThat(row.get("version").asLong()).isEqualTo(d.version());
  }

  @Test
  void doublesReadBackToTheIdenticalDouble() throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 15_000; i++) {
      double[] values = {anyFiniteDouble(random), random.nextDouble() * 60_000,
          Math.round(random.nextDouble() * 1e6) / 1e3};
      WindowVersion v = version(i, values[0], values[1], values[2], START, new int[0], new long[0]);
      String row = new String(AdxRows.windowRow(v), StandardCharsets.UTF_8);
      JsonNode node = JSON.readTree(row);
      for (int q = 0; q < 3; q++) {
        String field = new String[] {"p50Ms", "p95Ms", "p99Ms"}[q];
        String text = node.get(field).asText();
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(text)))
            .as("%s written as %s", values[q], text).isEqualTo(Double.doubleToRawLongBits(values[q]));
        assertThat(node.get(field).doubleValue()).isEqualTo(values[q]);
      }
    }
  }

  @Test
  void sketchBinValuesReadBackToTheIdenticalDouble() throws IOException {
    for (int k = -1_000; k <= 1_500; k++) {
      double value = 2 * Math.pow(LatencySketches.GAMMA, k) / (LatencySketches.GAMMA + 1);
      JsonNode row = JSON.readTree(AdxRows.windowRow(version(k, value, value, value, START, new int[0], new long[0])));
      assertThat(Double.parseDouble(row.get("p99Ms").asText())).isEqualTo(value);
    }
  }

  @Test
  void windowRowIsByteForByteWhatTheGeneratorWritesOnRandomVersions() throws IOException {
    SplittableRandom random = new SplittableRandom(20_261_121);
    int plain = 0;
    int escaped = 0;
    int notFinite = 0;
    int manyBins = 0;
    for (int i = 0; i < 25_000; i++) {
      WindowVersion v = anyVersion(random);
      byte[] expected = generated(g -> AdxRows.writeWindow(g, v));
      byte[] actual = AdxRows.windowRow(v);
      assertSameBytes(actual, expected, "random version %d", i);
      WindowDocument d = v.document();
      boolean finite = Double.isFinite(d.latencySumMs()) && Double.isFinite(v.p50Ms()) && Double.isFinite(v.p95Ms())
          && Double.isFinite(v.p99Ms());
      boolean strings = List.of(d.id(), d.tenantId(), d.service(), d.operation(), String.valueOf(d.dependency()),
          d.granularity(), d.partition()).stream().allMatch(AdxRowsTest::plain);
      plain += finite && strings ? 1 : 0;
      escaped += strings ? 0 : 1;
      notFinite += finite ? 0 : 1;
      manyBins += v.binKeys().length > 100 ? 1 : 0;
    }
    // both writers ran, on rows of every kind
    assertThat(plain).isGreaterThan(15_000);
    assertThat(escaped).isGreaterThan(2_000);
    assertThat(notFinite).isGreaterThan(1_000);
    assertThat(manyBins).isGreaterThan(3_000);
  }

  @Test
  void windowRowWithStringsToEscapeIsTheGeneratorsRow() throws IOException {
    WindowDocument d = new WindowDocument("id-\"1\"", "ten\u00e4nt", "checkout\\eu", "GET /\u20ac\n", "pg\u0001",
        "PT1M", START, START.plusSeconds(60), "3\u007f", 1, 0, 0, 1.5, new byte[0], new byte[0], 7, 1, START);
    WindowVersion v = new WindowVersion(d, 1.0, 2.0, 3.0, 1, 0, new int[] {1}, new long[] {1});

    assertThat(AdxRows.windowRow(v)).isEqualTo(generated(g -> AdxRows.writeWindow(g, v)));
    assertThat(JSON.readTree(AdxRows.windowRow(v)).get("operation").asText()).isEqualTo("GET /\u20ac\n");
  }

  @Test
  void windowRowIsANewArrayEveryCall() {
    WindowVersion v = version(1, 1.5, 2.5, 3.5, START, new int[] {1, 2}, new long[] {3, 4});
    byte[] first = AdxRows.windowRow(v);
    byte[] copy = first.clone();
    Arrays.fill(first, (byte) 0);

    assertThat(AdxRows.windowRow(v)).isEqualTo(copy).isNotSameAs(first);
  }

  @Test
  void pointRowWritesInstantsAsInstantToString() throws IOException {
    MetricPoint point = MetricPoint.create("churn_rate", "t1", Map.of("plan", "pro"), START, START.plusSeconds(86_400),
        Map.of("rate", 0.031), "ratio", Instant.parse("2026-11-21T00:15:03.120Z"), "run-7");
    JsonNode row = JSON.readTree(AdxRows.pointRow(point));
    assertThat(row.get("windowStart").asText()).isEqualTo(START.toString());
    assertThat(row.get("computedAt").asText()).isEqualTo("2026-11-21T00:15:03.120Z");
    assertThat(row.get("values").get("rate").asDouble()).isEqualTo(0.031);
  }

  @Test
  void rowsAreTheSameFromManyThreads() throws Exception {
    List<WindowVersion> versions = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      versions.add(version(i, random.nextDouble() * 100, random.nextDouble() * 1_000, random.nextDouble() * 10_000,
          START.plusMillis(random.nextInt(1_000_000)), new int[] {i, i + 1}, new long[] {i + 1L, 1}));
    }
    List<String> expected = versions.stream().map(v -> new String(AdxRows.windowRow(v), StandardCharsets.UTF_8)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          List<String> rows = new ArrayList<>();
          for (int round = 0; round < 20; round++) {
            rows.clear();
            versions.forEach(v -> rows.add(new String(AdxRows.windowRow(v), StandardCharsets.UTF_8)));
          }
          return rows;
        }));
      }
      for (Future<List<String>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRowThatFailsHalfWrittenLeavesTheNextRowWhole() throws IOException {
    Instant start = Instant.parse("2026-11-21T10:00:00Z");
    MetricWindowDocument d = new MetricWindowDocument(MetricWindows.idOf("t1", Granularity.MINUTE, start, "3"), "t1",
        MetricWindowDocument.SIGNAL, "PT1M", start, start.plusSeconds(60), "3", 1, 0, 0,
        List.of(new MetricSeries("checkout", "queue.depth", "1", MetricWindows.GAUGE, Map.of(), 1, 0, 4.0, 4.0, 4.0,
            4.0, 1L, 0, false, new byte[0])), 42, 2, start.plusSeconds(65));
    MetricWindowVersion broken = new MetricWindowVersion(d, List.of(new SeriesStats(0, 0, 0, 0, null, null)));
    WindowVersion v = version(1, 1.5, 2.5, 3.5, START, new int[] {1}, new long[] {1});
    String expected = new String(AdxRows.windowRow(v), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> AdxRows.metricSeriesRow(broken, 0)).isInstanceOf(NullPointerException.class);

    assertThat(new String(AdxRows.windowRow(v), StandardCharsets.UTF_8)).isEqualTo(expected).startsWith("{\"id\":");
    JsonNode row = JSON.readTree(AdxRows.metricSeriesRow(MetricWindows.versionOf(d), 0));
    assertThat(row.get("metric").asText()).isEqualTo("queue.depth");
    assertThat(row.get("mean").asDouble()).isEqualTo(4.0);
  }

  @Test
  void metricSeriesRowIsByteForByteWhatTheGeneratorWritesOnRandomVersions() throws IOException {
    SplittableRandom random = new SplittableRandom(20_261_201);
    int plain = 0;
    int escaped = 0;
    int notFinite = 0;
    int manyBins = 0;
    for (int i = 0; i < 20_000; i++) {
      MetricWindowVersion v = anyMetricVersion(random);
      for (int k = 0; k < v.rows(); k++) {
        int index = k;
        byte[] expected = generated(g -> AdxRows.writeMetricSeries(g, v, index));
        byte[] actual = AdxRows.metricSeriesRow(v, k);
        assertSameBytes(actual, expected, "random version %d, series %d", i, k);
        MetricSeries s = v.series(k);
        SeriesStats st = v.stats().get(k);
        List<String> strings = new ArrayList<>(List.of(v.document().id(), v.document().tenantId(), s.service(),
            s.metric(), s.unit(), s.type(), v.document().granularity(), v.document().partition()));
        s.attributes().forEach((name, value) -> {
          strings.add(name);
          strings.add(value);
        });
        boolean allPlain = strings.stream().allMatch(AdxRowsTest::plain);
        plain += allPlain ? 1 : 0;
        escaped += allPlain ? 0 : 1;
        notFinite += java.util.stream.DoubleStream.of(s.sum(), s.increase(), st.p50(), st.p95(), st.p99())
            .allMatch(Double::isFinite) ? 0 : 1;
        manyBins += st.positiveBins().length > 200 ? 1 : 0;
      }
    }
    // both writers ran, on rows of every kind
    assertThat(plain).isGreaterThan(20_000);
    assertThat(escaped).isGreaterThan(3_000);
    assertThat(notFinite).isGreaterThan(3_000);
    assertThat(manyBins).isGreaterThan(3_000);
  }

  @Test
  void logSeriesRowIsByteForByteWhatTheGeneratorWritesOnRandomDocuments() throws IOException {
    SplittableRandom random = new SplittableRandom(20_261_202);
    int plain = 0;
    int escaped = 0;
    int manyTemplates = 0;
    for (int i = 0; i < 30_000; i++) {
      List<LogTemplateCount> templates = new ArrayList<>();
      for (int t = random.nextInt(4) == 0 ? random.nextInt(60) : random.nextInt(3); t > 0; t--) {
        templates.add(new LogTemplateCount(anyString(random), anyLong(random)));
      }
      LogSeries series = new LogSeries(anyString(random), random.nextBoolean() ? "ERROR" : anyString(random),
          anyLong(random), templates, anyLong(random));
      LogWindowDocument d = new LogWindowDocument(anyString(random), anyString(random), "log",
          random.nextBoolean() ? "PT1M" : anyString(random), anyInstant(random), anyInstant(random),
          random.nextBoolean() ? Integer.toString(random.nextInt(32)) : anyString(random), anyLong(random),
          anyLong(random), List.of(series), anyLong(random), anyLong(random), anyInstant(random));
      byte[] expected = generated(g -> AdxRows.writeLogSeries(g, d, series));
      byte[] actual = AdxRows.logSeriesRow(d, series);
      assertSameBytes(actual, expected, "random document %d", i);
      List<String> strings = new ArrayList<>(List.of(d.id(), d.tenantId(), series.service(), series.severity(),
          d.granularity(), d.partition()));
      templates.forEach(t -> strings.add(t.template()));
      boolean allPlain = strings.stream().allMatch(AdxRowsTest::plain);
      plain += allPlain ? 1 : 0;
      escaped += allPlain ? 0 : 1;
      manyTemplates += templates.size() > 20 ? 1 : 0;
    }
    // both writers ran, on rows of every kind
    assertThat(plain).isGreaterThan(15_000);
    assertThat(escaped).isGreaterThan(3_000);
    assertThat(manyTemplates).isGreaterThan(3_000);
  }

  private static MetricWindowVersion anyMetricVersion(SplittableRandom r) {
    int n = 1 + r.nextInt(3);
    List<MetricSeries> series = new ArrayList<>();
    List<SeriesStats> stats = new ArrayList<>();
    String[] types = {MetricWindows.SUM, MetricWindows.GAUGE, MetricWindows.HISTOGRAM, MetricWindows.SUMMARY};
    for (int i = 0; i < n; i++) {
      Map<String, String> attributes = new java.util.HashMap<>();
      for (int a = r.nextInt(6); a > 0; a--) {
        attributes.put(anyString(r), anyString(r));
      }
      series.add(new MetricSeries(anyString(r), anyString(r), r.nextBoolean() ? "ms" : anyString(r),
          r.nextInt(8) == 0 ? anyString(r) : types[r.nextInt(types.length)], attributes, anyLong(r), anyLong(r),
          anyDouble(r), anyBoxed(r), anyBoxed(r), anyBoxed(r), anyLong(r), anyDouble(r), r.nextBoolean(), new byte[0]));
      stats.add(new SeriesStats(anyDouble(r), anyDouble(r), anyDouble(r), anyLong(r), anyPairs(r), anyPairs(r)));
    }
    Instant start = anyMilliInstant(r);
    Instant end = r.nextInt(4) == 0 ? anyMilliInstant(r) : start.plusSeconds(r.nextBoolean() ? 60 : 3_600);
    MetricWindowDocument d = new MetricWindowDocument(anyString(r), anyString(r), MetricWindowDocument.SIGNAL,
        r.nextBoolean() ? "PT1M" : anyString(r), start, end,
        r.nextBoolean() ? Integer.toString(r.nextInt(32)) : anyString(r), anyLong(r), anyLong(r), anyLong(r), series,
        anyLong(r), anyLong(r), anyInstant(r));
    return new MetricWindowVersion(d, stats);
  }

  /** {@link #anyInstant} within epoch milliseconds (a window's length is computed in them). */
  private static Instant anyMilliInstant(SplittableRandom r) {
    while (true) {
      Instant i = anyInstant(r);
      if (Math.abs(i.getEpochSecond()) < Long.MAX_VALUE / 1_000 - 3_600) {
        return i;
      }
    }
  }

  private static Double anyBoxed(SplittableRandom r) {
    return r.nextInt(4) == 0 ? null : anyDouble(r);
  }

  /** Sketch bins as (key, count) pairs: mostly few, 1 in 4 up to 600; keys in and out of the cached range. */
  private static long[] anyPairs(SplittableRandom r) {
    int bins = r.nextInt(4) == 0 ? r.nextInt(601) : r.nextInt(12);
    long[] pairs = new long[2 * bins];
    for (int i = 0; i < bins; i++) {
      pairs[2 * i] = r.nextInt(10) == 0 ? anyLong(r) : anyKey(r);
      pairs[2 * i + 1] = r.nextInt(4) == 0 ? anyLong(r) : 1 + r.nextInt(1_000);
    }
    return pairs;
  }

  /** A row as a new generator of {@link AdxRows#factory()} writes it: the reference of the byte writers. */
  private static byte[] generated(Row row) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = AdxRows.factory().createGenerator(out)) {
      row.write(g);
    }
    return out.toByteArray();
  }

  /** Writes one row. */
  private interface Row {
    void write(JsonGenerator g) throws IOException;
  }

  /** {@code actual} is {@code expected}; on a difference, the two are shown as text first. */
  private static void assertSameBytes(byte[] actual, byte[] expected, String description, Object... args) {
    if (!Arrays.equals(actual, expected)) {
      assertThat(new String(actual, StandardCharsets.UTF_8)).as(description, args)
          .isEqualTo(new String(expected, StandardCharsets.UTF_8));
      assertThat(actual).as(description, args).isEqualTo(expected);
    }
  }

  /** Every char one JSON writes as it is, in one byte: 0x20..0x7E but the quote and the backslash. */
  private static boolean plain(String s) {
    return s.chars().allMatch(c -> c >= 0x20 && c <= 0x7E && c != '"' && c != '\\');
  }

  private static WindowVersion anyVersion(SplittableRandom r) {
    WindowDocument d = new WindowDocument(anyString(r), anyString(r), anyString(r), anyString(r),
        r.nextInt(3) == 0 ? null : anyString(r), r.nextBoolean() ? "PT1M" : anyString(r), anyInstant(r),
        anyInstant(r), r.nextBoolean() ? Integer.toString(r.nextInt(32)) : anyString(r), anyLong(r), anyLong(r),
        anyLong(r), anyDouble(r), new byte[0], new byte[0], anyLong(r), anyLong(r), anyInstant(r));
    int bins = r.nextInt(4) == 0 ? r.nextInt(601) : r.nextInt(12);
    int[] keys = new int[bins];
    long[] counts = new long[bins];
    for (int i = 0; i < bins; i++) {
      keys[i] = anyKey(r);
      counts[i] = r.nextInt(4) == 0 ? anyLong(r) : 1 + r.nextInt(1_000);
    }
    Arrays.sort(keys);
    return new WindowVersion(d, anyDouble(r), anyDouble(r), anyDouble(r), anyLong(r), anyLong(r), keys, counts);
  }

  /** Mostly plain ASCII (realistic ids and names); 1 in 40 of any chars (quotes, controls, non-ASCII). */
  private static String anyString(SplittableRandom r) {
    int length = r.nextInt(48);
    StringBuilder s = new StringBuilder(length);
    boolean any = r.nextInt(40) == 0;
    for (int i = 0; i < length; i++) {
      if (!any || r.nextBoolean()) {
        char c = (char) r.nextInt(0x20, 0x7F);
        s.append(c == '"' || c == '\\' ? 'x' : c);
      } else {
        switch (r.nextInt(7)) {
          case 0 -> s.append('"');
          case 1 -> s.append('\\');
          case 2 -> s.append((char) r.nextInt(0x20));
          case 3 -> s.append('\u007f');
          case 4 -> s.append((char) r.nextInt(0x80, 0x100));
          case 5 -> s.append((char) r.nextInt(0x100, 0xD800));
          default -> s.appendCodePoint(r.nextInt(0x10000, 0x110000));
        }
      }
    }
    return s.toString();
  }

  /** Any instant (years beyond 0000..9999 too), with no, milli, micro or nano fraction. */
  private static Instant anyInstant(SplittableRandom r) {
    long second = switch (r.nextInt(6)) {
      case 0 -> r.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
      case 1 -> r.nextLong(-62_167_219_200L, 253_402_300_800L);
      default -> START.getEpochSecond() + r.nextInt(-10_000_000, 10_000_000);
    };
    int nano = switch (r.nextInt(4)) {
      case 0 -> 0;
      case 1 -> r.nextInt(1_000) * 1_000_000;
      case 2 -> r.nextInt(1_000_000) * 1_000;
      default -> r.nextInt(1_000_000_000);
    };
    return Instant.ofEpochSecond(second, nano);
  }

  private static long anyLong(SplittableRandom r) {
    return switch (r.nextInt(8)) {
      case 0 -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE,
          Integer.MIN_VALUE - 1L, Integer.MAX_VALUE + 1L}[r.nextInt(9)];
      case 1 -> {
        long power = (long) Math.pow(10, r.nextInt(19));
        yield (r.nextBoolean() ? power : power - 1) * (r.nextBoolean() ? 1 : -1);
      }
      case 2 -> r.nextLong();
      case 3 -> r.nextInt();
      case 4 -> -r.nextInt(1_000);
      default -> r.nextInt(100_000);
    };
  }

  private static double anyDouble(SplittableRandom r) {
    double sign = r.nextBoolean() ? 1 : -1;
    return switch (r.nextInt(10)) {
      case 0 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
          Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e7, 1e-3, Math.nextDown(1e7),
          Math.nextDown(1e-3)}[r.nextInt(12)];
      case 1 -> Double.longBitsToDouble(r.nextLong());
      case 2 -> sign * Double.longBitsToDouble(r.nextLong(1, 1L << 52));
      case 3 -> sign * r.nextDouble() * 1e300;
      case 4 -> 2 * Math.pow(LatencySketches.GAMMA, r.nextInt(-1_000, 1_501)) / (LatencySketches.GAMMA + 1);
      case 5 -> Math.round(r.nextDouble() * 1e6) / 1e3;
      case 6 -> r.nextInt(10_000_000);
      default -> r.nextDouble() * 60_000;
    };
  }

  /** Bin keys in and out of the cached range (-2,048..2,047), its edges and an int overflow past it. */
  private static int anyKey(SplittableRandom r) {
    return switch (r.nextInt(10)) {
      case 0 -> new int[] {-2_049, -2_048, 2_047, 2_048, Integer.MIN_VALUE, Integer.MAX_VALUE,
          Integer.MAX_VALUE - 1_000, 0, -1}[r.nextInt(9)];
      case 1 -> r.nextInt();
      case 2 -> r.nextInt(-100_000, 100_000);
      default -> r.nextInt(-1_000, 1_501);
    };
  }

  private static double anyFiniteDouble(SplittableRandom random) {
    double d;
    do {
      d = Double.longBitsToDouble(random.nextLong());
    } while (!Double.isFinite(d));
    return d;
  }

  private static List<String> names(JsonNode row) {
    List<String> names = new ArrayList<>();
    row.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static WindowVersion version(int i, double p50, double p95, double p99, Instant updatedAt, int[] keys,
      long[] counts) {
    WindowDocument d = new WindowDocument("id-" + i, "tenant-" + i % 7, "checkout", "GET /api/v1/op" + i, null, "PT1M",
        START, START.plusSeconds(60), "3", 10 + i, 1, 2, 1234.5 + i, new byte[0], new byte[0], 99L + i, 4, updatedAt);
    return new WindowVersion(d, p50, p95, p99, 17, 0, keys, counts);
  }
}
