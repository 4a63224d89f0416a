package com.pulse.adapter.json;

import static com.pulse.adapter.json.RowBytes.ascii;
import static com.pulse.adapter.json.RowBytes.raw;
import static com.pulse.adapter.json.RowBytes.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SerializedString;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.aggregate.LatencySketches;
import com.pulse.domain.telemetry.internal.IsoInstants;
import com.pulse.domain.telemetry.log.LogSeries;
import com.pulse.domain.telemetry.log.LogTemplateCount;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import com.pulse.domain.telemetry.metric.MetricWindowVersion;
import com.pulse.domain.telemetry.metric.MetricWindows;
import com.pulse.domain.telemetry.metric.SeriesStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * The Azure Data Explorer ingestion rows of Pulse's history export, written with Jackson's streaming
 * generator: one JSON object per row whose field names are the JSON paths of the ingestion mappings in
 * {@code bicep/adx/02-mappings.kql} ({@code AdxMappingContractTest} pins the two together). The
 * Event Hubs export and the local JSON-lines export both write these rows; the use cases hand over
 * domain values ({@link MetricPoint}, {@link WindowVersion}) only.
 *
 * <p><b>{@code MetricPoints}</b>: {@code id, metric, tenantId, dimensions} (object), {@code windowStart,
 * windowEnd} (ISO-8601 UTC), {@code values} (object), {@code unit, computedAt, runId, version}
 * ({@code computedAt} in epoch ms, growing with every recomputation of the same id).
 *
 * <p><b>{@code TelemetryWindows}</b>: one row per written version of a window document (one tenant,
 * service, operation, window and source partition): {@code id, tenantId, service, operation}
 * (route for requests, span name for dependency calls), {@code dependency} (what a dependency
 * window's calls went to; empty for a request window), {@code granularity} ({@code PT1M}/{@code PT1H}), {@code windowStart, windowEnd, partition, count,
 * errorCount, lateCount, latencySumMs, p50Ms, p95Ms, p99Ms} (this partition only),
 * {@code distinctUsers} (HLL estimate), {@code sketchGamma}, {@code sketchZeroCount}, {@code sketchBins}
 * (object: bin key as a decimal string to count, key {@code k} holding latencies in
 * {@code [gamma^(k-1), gamma^k)}; KQL merges them across partitions, DDSketch, Masson et al., VLDB
 * 2019), {@code lastSequenceNumber, version, updatedAt}. ADX keeps {@code arg_max(version, *)} per
 * {@code id}, so re-exports are harmless.
 *
 * <p>{@code TelemetryWindows}, {@code MetricWindows} and {@code LogWindows} rows are written by
 * direct byte writers ({@link WindowRowWriter}, {@link MetricRowWriter}, {@link LogRowWriter}), the
 * hot paths: through Jackson, the {@code TelemetryWindows} row alone cost 11-21 % of the traces
 * function's CPU in a JFR profile, the {@code MetricWindows} row 21-30 % of the metrics function's per
 * batch (string escaping scans, value-write checks and field-name copies per field, and a field name
 * and number per sketch bin, of which a window has up to hundreds). The writers give the bytes the
 * generator gives; {@link #writeWindow}, {@link #writeMetricSeries} and {@link #writeLogSeries} stay
 * the references and write the rows the writers leave to them (a string to escape; for
 * {@code TelemetryWindows}, a percentile or latency sum that is not finite). The other tables' rows
 * ({@code MetricPoints}) are written with the generator.
 *
 * <p>Thread-safe: each thread writes its rows with a generator and buffers of its own, kept between rows.
 */
public final class AdxRows {
  /**
   * Doubles are written by Jackson's Schubfach writer ({@link StreamWriteFeature#USE_FAST_DOUBLE_WRITER}):
   * the shortest text that parses back to the same {@code double}, like {@link Double#toString} from JDK 19 on.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
  /** Each thread's generator and buffer, reused for row after row. */
  private static final ThreadLocal<RowBuffer> BUFFERS = ThreadLocal.withInitial(() -> new RowBuffer(JSON));
  /** Each thread's byte writer of {@code TelemetryWindows} rows, reused for row after row. */
  private static final ThreadLocal<WindowRowWriter> WINDOW_WRITERS = ThreadLocal.withInitial(WindowRowWriter::new);
  private static final ThreadLocal<MetricRowWriter> METRIC_WRITERS = ThreadLocal.withInitial(MetricRowWriter::new);
  private static final ThreadLocal<LogRowWriter> LOG_WRITERS = ThreadLocal.withInitial(LogRowWriter::new);
  /** Text of recent window starts, ends and update times (they repeat across rows and batches). */
  static final TextMemo<Instant> INSTANTS = new TextMemo<>(64, IsoInstants::format);
  /** Text of percentiles: DDSketch bin values, a few hundred distinct ones for latencies. */
  private static final TextMemo<Double> PERCENTILES = new TextMemo<>(1_024, d -> NumberOutput.toString(d, true));
  /** {@code sketchGamma}, a constant, as the number text {@link Double#toString} gives. */
  static final SerializedString GAMMA_TEXT = new SerializedString(Double.toString(LatencySketches.GAMMA));
  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString TENANT_ID = new SerializedString("tenantId");
  private static final SerializedString SERVICE = new SerializedString("service");
  private static final SerializedString OPERATION = new SerializedString("operation");
  private static final SerializedString DEPENDENCY = new SerializedString("dependency");
  private static final SerializedString SEVERITY = new SerializedString("severity");
  private static final SerializedString GRANULARITY = new SerializedString("granularity");
  private static final SerializedString WINDOW_START = new SerializedString("windowStart");
  private static final SerializedString WINDOW_END = new SerializedString("windowEnd");
  private static final SerializedString PARTITION = new SerializedString("partition");
  private static final SerializedString COUNT = new SerializedString("count");
  private static final SerializedString ERROR_COUNT = new SerializedString("errorCount");
  private static final SerializedString LATE_COUNT = new SerializedString("lateCount");
  private static final SerializedString LATENCY_SUM_MS = new SerializedString("latencySumMs");
  private static final SerializedString P50_MS = new SerializedString("p50Ms");
  private static final SerializedString P95_MS = new SerializedString("p95Ms");
  private static final SerializedString P99_MS = new SerializedString("p99Ms");
  private static final SerializedString DISTINCT_USERS = new SerializedString("distinctUsers");
  private static final SerializedString SKETCH_GAMMA = new SerializedString("sketchGamma");
  private static final SerializedString SKETCH_ZERO_COUNT = new SerializedString("sketchZeroCount");
  private static final SerializedString SKETCH_BINS = new SerializedString("sketchBins");
  private static final SerializedString TEMPLATES = new SerializedString("templates");
  private static final SerializedString TEMPLATE = new SerializedString("template");
  private static final SerializedString OTHER_TEMPLATE_COUNT = new SerializedString("otherTemplateCount");
  private static final SerializedString LAST_SEQUENCE_NUMBER = new SerializedString("lastSequenceNumber");
  private static final SerializedString VERSION = new SerializedString("version");
  private static final SerializedString UPDATED_AT = new SerializedString("updatedAt");
  /** Bin keys as field names, cached for the keys latencies use (about -1,000 .. 1,500). */
  static final int KEY_OFFSET = 2_048;
  static final SerializedString[] BIN_KEYS = new SerializedString[2 * KEY_OFFSET];

  static {
    for (int i = 0; i < BIN_KEYS.length; i++) {
      BIN_KEYS[i] = new SerializedString(Integer.toString(i - KEY_OFFSET));
    }
  }

  private AdxRows() {}

  /**
   * The {@code TelemetryWindows} row of {@code version} as UTF-8 JSON, a new array: byte for byte what
   * {@link #writeWindow} writes with a generator of {@link #factory()}. Written by this thread's
   * {@link WindowRowWriter}, or by {@link #writeWindow} when the row has a string to escape or a
   * percentile or latency sum that is not finite. Thread-safe.
   */
  public static byte[] windowRow(WindowVersion version) {
    byte[] row = WINDOW_WRITERS.get().row(version);
    return row != null ? row : bytes(g -> writeWindow(g, version));
  }

  /** The {@code MetricPoints} row of {@code point} as UTF-8 JSON. */
  public static byte[] pointRow(MetricPoint point) {
    return bytes(g -> writePoint(g, point));
  }

  /**
   * Writes the {@code TelemetryWindows} row of {@code version} as one JSON object: the reference
   * for the bytes of {@link #windowRow}, which writes its common rows without a generator.
   *
   * @throws IOException if the generator's target fails
   */
  public static void writeWindow(JsonGenerator g, WindowVersion version) throws IOException {
    WindowDocument d = version.document();
    g.writeStartObject();
    field(g, ID, d.id());
    field(g, TENANT_ID, d.tenantId());
    field(g, SERVICE, d.service());
    field(g, OPERATION, d.operation());
    field(g, DEPENDENCY, d.dependency() == null ? "" : d.dependency());
    field(g, GRANULARITY, d.granularity());
    field(g, WINDOW_START, d.windowStart());
    field(g, WINDOW_END, d.windowEnd());
    field(g, PARTITION, d.partition());
    field(g, COUNT, d.count());
    field(g, ERROR_COUNT, d.errorCount());
    field(g, LATE_COUNT, d.lateCount());
    field(g, LATENCY_SUM_MS, d.latencySumMs());
    percentile(g, P50_MS, version.p50Ms());
    percentile(g, P95_MS, version.p95Ms());
    percentile(g, P99_MS, version.p99Ms());
    field(g, DISTINCT_USERS, version.distinctUsers());
    g.writeFieldName(SKETCH_GAMMA);
    g.writeRawValue(GAMMA_TEXT);
    field(g, SKETCH_ZERO_COUNT, version.sketchZeroCount());
    g.writeFieldName(SKETCH_BINS);
    g.writeStartObject();
    int[] keys = version.binKeys();
    long[] counts = version.binCounts();
    for (int i = 0; i < keys.length; i++) {
      int slot = keys[i] + KEY_OFFSET;
      if (slot >= 0 && slot < BIN_KEYS.length) {
        g.writeFieldName(BIN_KEYS[slot]);
      } else {
        g.writeFieldName(Integer.toString(keys[i]));
      }
      g.writeNumber(counts[i]);
    }
    g.writeEndObject();
    field(g, LAST_SEQUENCE_NUMBER, d.lastSequenceNumber());
    field(g, VERSION, d.version());
    field(g, UPDATED_AT, d.updatedAt());
    g.writeEndObject();
  }

  /**
   * The {@code LogWindows} rows of one version of a log window document, one per series, as UTF-8
   * JSON: {@code id} (the document's), {@code tenantId, service, severity} ({@code TRACE} ...
   * {@code FATAL}, {@code UNSPECIFIED}), {@code granularity, windowStart, windowEnd, partition,
   * count}, {@code templates} (array of {@code {template, count}}, ERROR/FATAL only, else empty),
   * {@code otherTemplateCount, lastSequenceNumber, version, updatedAt}. ADX keeps
   * {@code arg_max(version, *)} per {@code (id, service, severity)}.
   */
  public static java.util.List<byte[]> logWindowRows(LogWindowDocument document) {
    java.util.List<byte[]> rows = new java.util.ArrayList<>(document.series().size());
    for (LogSeries series : document.series()) {
      rows.add(logSeriesRow(document, series));
    }
    return rows;
  }

  /**
   * The {@code LogWindows} row of one series of {@code document} as UTF-8 JSON, a new array: byte for
   * byte what {@link #writeLogSeries} writes with a generator of {@link #factory()}. Written by this
   * thread's {@link LogRowWriter}, or by {@link #writeLogSeries} when the row has a string to escape.
   * Thread-safe.
   */
  public static byte[] logSeriesRow(LogWindowDocument document, LogSeries series) {
    byte[] row = LOG_WRITERS.get().row(document, series);
    return row != null ? row : bytes(g -> writeLogSeries(g, document, series));
  }

  /**
   * Writes the {@code LogWindows} row of one series of {@code document} as one JSON object
   * (fields: {@link #logWindowRows}).
   *
   * @throws IOException if the generator's target fails
   */
  public static void writeLogSeries(JsonGenerator g, LogWindowDocument document, LogSeries series) throws IOException {
    g.writeStartObject();
    field(g, ID, document.id());
    field(g, TENANT_ID, document.tenantId());
    field(g, SERVICE, series.service());
    field(g, SEVERITY, series.severity());
    field(g, GRANULARITY, document.granularity());
    field(g, WINDOW_START, document.windowStart());
    field(g, WINDOW_END, document.windowEnd());
    field(g, PARTITION, document.partition());
    field(g, COUNT, series.count());
    g.writeFieldName(TEMPLATES);
    g.writeStartArray();
    for (LogTemplateCount t : series.templates()) {
      g.writeStartObject();
      field(g, TEMPLATE, t.template());
      field(g, COUNT, t.count());
      g.writeEndObject();
    }
    g.writeEndArray();
    field(g, OTHER_TEMPLATE_COUNT, series.otherTemplateCount());
    field(g, LAST_SEQUENCE_NUMBER, document.lastSequenceNumber());
    field(g, VERSION, document.version());
    field(g, UPDATED_AT, document.updatedAt());
    g.writeEndObject();
  }

  /**
   * Writes the {@code MetricPoints} row of {@code point} as one JSON object.
   *
   * @throws IOException if the generator's target fails
   */
  public static void writePoint(JsonGenerator g, MetricPoint point) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", point.id());
    g.writeStringField("metric", point.metric());
    g.writeStringField("tenantId", point.tenantId());
    g.writeFieldName("dimensions");
    g.writeStartObject();
    for (Map.Entry<String, String> e : point.dimensions().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    field(g, WINDOW_START, point.windowStart());
    field(g, WINDOW_END, point.windowEnd());
    g.writeFieldName("values");
    g.writeStartObject();
    for (Map.Entry<String, Double> e : point.values().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeStringField("unit", point.unit());
    g.writeStringField("computedAt", IsoInstants.format(point.computedAt()));
    g.writeStringField("runId", point.runId());
    g.writeNumberField("version", point.computedAt().toEpochMilli());
    g.writeEndObject();
  }

  /**
   * The {@code MetricWindows} row of the {@code index}-th changed series of {@code version}
   * ({@link MetricWindowVersion#series}) as UTF-8 JSON (an event body of the {@code metrics-out} hub), a
   * new array: byte for byte what {@link #writeMetricSeries} writes with a generator of
   * {@link #factory()}. Written by this thread's {@link MetricRowWriter}, or by
   * {@link #writeMetricSeries} when the row has a string to escape. Thread-safe.
   */
  public static byte[] metricSeriesRow(MetricWindowVersion version, int index) {
    byte[] row = METRIC_WRITERS.get().row(version, index);
    return row != null ? row : bytes(g -> writeMetricSeries(g, version, index));
  }

  /**
   * Writes the {@code MetricWindows} row of the {@code index}-th changed series of {@code version}
   * ({@code 0 <= index < version.rows()}): the window,
   * the series identity ({@code seriesKey}: the kept attributes as {@code k=v} pairs sorted by name,
   * joined by {@code ,}), every statistic (0 where the type has none: see {@code MetricSeries}),
   * {@code ratePerSecond} = increase / window seconds, {@code mean} = gauge sum / points, and the
   * sketch bins in the convention of {@code TelemetryWindows.sketchBins} (positive values; negative
   * magnitudes in {@code negativeSketchBins}). {@code id} is the window id and the series key, so
   * {@code arg_max(version)} per {@code id} is the latest state of a series in a window and partition.
   *
   * @throws IOException if the generator's target fails
   */
  public static void writeMetricSeries(JsonGenerator g, MetricWindowVersion version, int index) throws IOException {
    MetricWindowDocument d = version.document();
    MetricSeries s = version.series(index);
    SeriesStats st = version.stats().get(index);
    String seriesKey = seriesKey(s);
    g.writeStartObject();
    g.writeStringField("id", d.id() + '/' + s.service() + '/' + s.metric() + '/' + s.type() + '/' + s.unit() + '/' + seriesKey);
    g.writeStringField("windowId", d.id());
    g.writeStringField("tenantId", d.tenantId());
    g.writeStringField("service", s.service());
    g.writeStringField("metric", s.metric());
    g.writeStringField("unit", s.unit());
    g.writeStringField("type", s.type());
    g.writeStringField("seriesKey", seriesKey);
    g.writeFieldName("attributes");
    g.writeStartObject();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(s.attributes()).entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeStringField("granularity", d.granularity());
    field(g, WINDOW_START, d.windowStart());
    field(g, WINDOW_END, d.windowEnd());
    g.writeStringField("partition", d.partition());
    g.writeNumberField("points", s.points());
    g.writeNumberField("increase", s.increase());
    double seconds = (d.windowEnd().toEpochMilli() - d.windowStart().toEpochMilli()) / 1000.0;
    g.writeNumberField("ratePerSecond", s.type().equals(MetricWindows.SUM) ? s.increase() / seconds : 0);
    g.writeNumberField("last", s.last() == null ? 0 : s.last());
    g.writeNumberField("lastTimeUnixNano", s.lastTimeUnixNano());
    g.writeNumberField("min", s.min() == null ? 0 : s.min());
    g.writeNumberField("max", s.max() == null ? 0 : s.max());
    g.writeNumberField("mean", s.type().equals(MetricWindows.GAUGE) && s.points() > 0 ? s.sum() / s.points() : 0);
    g.writeNumberField("count", s.count());
    g.writeNumberField("sum", s.sum());
    g.writeNumberField("p50", st.p50());
    g.writeNumberField("p95", st.p95());
    g.writeNumberField("p99", st.p99());
    g.writeBooleanField("minMaxEstimated", s.minMaxEstimated());
    g.writeFieldName(SKETCH_GAMMA);
    g.writeRawValue(GAMMA_TEXT);
    g.writeNumberField("sketchZeroCount", st.zeroCount());
    writeBins(g, "sketchBins", st.positiveBins());
    writeBins(g, "negativeSketchBins", st.negativeBins());
    g.writeNumberField("lateCount", d.lateCount());
    g.writeNumberField("lastSequenceNumber", d.lastSequenceNumber());
    g.writeNumberField("version", d.version());
    field(g, UPDATED_AT, d.updatedAt());
    g.writeEndObject();
  }

  /** The kept attributes as {@code k=v} pairs sorted by name, joined by {@code ,} (empty: none). */
  public static String seriesKey(MetricSeries s) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(s.attributes()).entrySet()) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }

  private static void writeBins(JsonGenerator g, String field, long[] pairs) throws IOException {
    g.writeFieldName(field);
    g.writeStartObject();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      g.writeNumberField(Long.toString(pairs[i]), pairs[i + 1]);
    }
    g.writeEndObject();
  }

  private static void field(JsonGenerator g, SerializedString name, String value) throws IOException {
    g.writeFieldName(name);
    g.writeString(value);
  }

  private static void field(JsonGenerator g, SerializedString name, long value) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(value);
  }

  private static void field(JsonGenerator g, SerializedString name, double value) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(value);
  }

  /** {@code value} as its {@link Instant#toString()} text (ISO-8601 UTC). */
  private static void field(JsonGenerator g, SerializedString name, Instant value) throws IOException {
    g.writeFieldName(name);
    g.writeString(INSTANTS.text(value));
  }

  /**
   * A percentile: a DDSketch bin's value (few distinct ones), as the text {@code writeNumber}
   * would write, from {@link #PERCENTILES}.
   */
  private static void percentile(JsonGenerator g, SerializedString name, double value) throws IOException {
    g.writeFieldName(name);
    if (Double.isFinite(value)) {
      g.writeRawValue(PERCENTILES.text(value));
    } else {
      g.writeNumber(value);
    }
  }

  /** A factory for generators (e.g. over a file); thread-safe. */
  public static JsonFactory factory() {
    return JSON;
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * Writes {@code TelemetryWindows} rows straight into a byte buffer kept between rows: the bytes
   * {@link #writeWindow} writes with a generator of {@link #factory()} (compact, no whitespace),
   * for the rows whose strings are plain (every char in {@code 0x20..0x7E} but {@code "} and
   * {@code \}, which JSON writes as they are) and whose percentiles and latency sum are finite;
   * {@link #row} returns null for the others. Field names and separators are pre-encoded ASCII;
   * strings are copied char by char; longs and bin keys as {@link NumberOutput} writes them for the
   * generator; instants and percentiles from {@link #INSTANTS} and {@link #PERCENTILES} (the text the
   * generator copies); the latency sum as {@link NumberOutput#toString(double, boolean)} with the fast
   * writer, the text of {@code writeNumber(double)}; a cached bin key as one copy of
   * {@code ,"key":}. The buffer starts at 1 KiB and doubles up to the bound of the largest row the
   * thread wrote (about 35 bytes a bin), and is kept.
   *
   * <p>Not thread-safe: one instance per thread ({@link #WINDOW_WRITERS}).
   */
  private static final class WindowRowWriter {
    private static final int LONG_BYTES = RowBytes.LONG_BYTES;
    /** Bytes of a bin at most: {@code ,"-2147483648":} and a long. */
    private static final int BIN_BYTES = 15 + LONG_BYTES;
    /** Longs in a row besides the bin counts. */
    private static final int LONGS = 7;
    private static final byte[] BEFORE_ID = ascii("{\"id\":\"");
    private static final byte[] BEFORE_TENANT_ID = ascii("\",\"tenantId\":\"");
    private static final byte[] BEFORE_SERVICE = ascii("\",\"service\":\"");
    private static final byte[] BEFORE_OPERATION = ascii("\",\"operation\":\"");
    private static final byte[] BEFORE_DEPENDENCY = ascii("\",\"dependency\":\"");
    private static final byte[] BEFORE_GRANULARITY = ascii("\",\"granularity\":\"");
    private static final byte[] BEFORE_COUNT = ascii("\",\"count\":");
    private static final byte[] BEFORE_ERROR_COUNT = ascii(",\"errorCount\":");
    private static final byte[] BEFORE_LATE_COUNT = ascii(",\"lateCount\":");
    private static final byte[] BEFORE_LATENCY_SUM_MS = ascii(",\"latencySumMs\":");
    private static final byte[] BEFORE_P50_MS = ascii(",\"p50Ms\":");
    private static final byte[] BEFORE_P95_MS = ascii(",\"p95Ms\":");
    private static final byte[] BEFORE_P99_MS = ascii(",\"p99Ms\":");
    private static final byte[] BEFORE_DISTINCT_USERS = ascii(",\"distinctUsers\":");
    private static final byte[] BEFORE_SKETCH_BINS = ascii(",\"sketchBins\":{");
    private static final byte[] BEFORE_LAST_SEQUENCE_NUMBER = ascii("},\"lastSequenceNumber\":");
    private static final byte[] BEFORE_VERSION = ascii(",\"version\":");
    private static final byte[] BEFORE_UPDATED_AT = ascii(",\"updatedAt\":\"");
    private static final byte[] END = ascii("\"}");
    /** The constant bytes of a row, all of the above. */
    private static final int CONSTANT_BYTES = BEFORE_ID.length + BEFORE_TENANT_ID.length + BEFORE_SERVICE.length
        + BEFORE_OPERATION.length + BEFORE_DEPENDENCY.length + BEFORE_GRANULARITY.length
        + RowBytes.WINDOW_BYTES + BEFORE_COUNT.length + BEFORE_ERROR_COUNT.length
        + BEFORE_LATE_COUNT.length + BEFORE_LATENCY_SUM_MS.length + BEFORE_P50_MS.length + BEFORE_P95_MS.length
        + BEFORE_P99_MS.length + BEFORE_DISTINCT_USERS.length + RowBytes.BEFORE_SKETCH_ZERO_COUNT.length
        + BEFORE_SKETCH_BINS.length + BEFORE_LAST_SEQUENCE_NUMBER.length + BEFORE_VERSION.length
        + BEFORE_UPDATED_AT.length + END.length;
    private final RowBytes.Buffer buffer = new RowBytes.Buffer();

    /** The row of {@code version} as a new array, or null when {@link #writeWindow} must write it. */
    byte[] row(WindowVersion version) {
      WindowDocument d = version.document();
      if (!Double.isFinite(d.latencySumMs()) || !Double.isFinite(version.p50Ms())
          || !Double.isFinite(version.p95Ms()) || !Double.isFinite(version.p99Ms())) {
        return null;
      }
      String dependency = d.dependency() == null ? "" : d.dependency();
      // instants: Instant#toString text, no char to escape, so the quoted form is the text itself
      byte[] start = INSTANTS.text(d.windowStart()).asQuotedUTF8();
      byte[] end = INSTANTS.text(d.windowEnd()).asQuotedUTF8();
      byte[] updated = INSTANTS.text(d.updatedAt()).asQuotedUTF8();
      byte[] p50 = PERCENTILES.text(version.p50Ms()).asUnquotedUTF8();
      byte[] p95 = PERCENTILES.text(version.p95Ms()).asUnquotedUTF8();
      byte[] p99 = PERCENTILES.text(version.p99Ms()).asUnquotedUTF8();
      String sum = NumberOutput.toString(d.latencySumMs(), true);
      int[] keys = version.binKeys();
      long[] counts = version.binCounts();
      long bound = CONSTANT_BYTES + (long) d.id().length() + d.tenantId().length() + d.service().length()
          + d.operation().length() + dependency.length() + d.granularity().length() + d.partition().length()
          + start.length + end.length + updated.length + p50.length + p95.length + p99.length + sum.length()
          + LONGS * LONG_BYTES + (long) keys.length * BIN_BYTES;
      byte[] b = buffer.reserve(bound, 0);
      if (b == null) {
        return null;
      }
      int p = text(b, 0, BEFORE_ID, d.id());
      p = text(b, p, BEFORE_TENANT_ID, d.tenantId());
      p = text(b, p, BEFORE_SERVICE, d.service());
      p = text(b, p, BEFORE_OPERATION, d.operation());
      p = text(b, p, BEFORE_DEPENDENCY, dependency);
      p = text(b, p, BEFORE_GRANULARITY, d.granularity());
      p = RowBytes.window(b, p, start, end, d.partition());
      if (p < 0) {
        return null;
      }
      p = NumberOutput.outputLong(d.count(), b, raw(b, p, BEFORE_COUNT));
      p = NumberOutput.outputLong(d.errorCount(), b, raw(b, p, BEFORE_ERROR_COUNT));
      p = NumberOutput.outputLong(d.lateCount(), b, raw(b, p, BEFORE_LATE_COUNT));
      p = ascii(b, raw(b, p, BEFORE_LATENCY_SUM_MS), sum);
      p = raw(b, raw(b, p, BEFORE_P50_MS), p50);
      p = raw(b, raw(b, p, BEFORE_P95_MS), p95);
      p = raw(b, raw(b, p, BEFORE_P99_MS), p99);
      p = NumberOutput.outputLong(version.distinctUsers(), b, raw(b, p, BEFORE_DISTINCT_USERS));
      p = NumberOutput.outputLong(version.sketchZeroCount(), b, raw(b, p, RowBytes.BEFORE_SKETCH_ZERO_COUNT));
      p = bins(b, raw(b, p, BEFORE_SKETCH_BINS), keys, counts);
      p = NumberOutput.outputLong(d.lastSequenceNumber(), b, raw(b, p, BEFORE_LAST_SEQUENCE_NUMBER));
      p = NumberOutput.outputLong(d.version(), b, raw(b, p, BEFORE_VERSION));
      p = raw(b, raw(b, p, BEFORE_UPDATED_AT), updated);
      p = raw(b, p, END);
      return Arrays.copyOf(b, p);
    }

    /** The bins' members {@code "key":count}, comma-separated, at {@code at}; returns the end. */
    private static int bins(byte[] b, int at, int[] keys, long[] counts) {
      int p = at;
      for (int i = 0; i < keys.length; i++) {
        p = NumberOutput.outputLong(counts[i], b, RowBytes.binKey(b, p, keys[i], i == 0));
      }
      return p;
    }
  }

  /**
   * {@code body} written by this thread's {@link RowBuffer}; a write that fails drops it (the
   * generator may be inside an object), so the next row starts on a new one.
   */
  private static byte[] bytes(Body body) {
    RowBuffer buffer = BUFFERS.get();
    boolean written = false;
    try {
      body.write(buffer.generator());
      byte[] row = buffer.take();
      written = true;
      return row;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an ADX row in memory", e);
    } finally {
      if (!written) {
        BUFFERS.remove();
      }
    }
  }
}
