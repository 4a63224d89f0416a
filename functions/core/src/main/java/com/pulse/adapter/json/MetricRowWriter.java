package com.pulse.adapter.json;

import static com.pulse.adapter.json.RowBytes.ascii;
import static com.pulse.adapter.json.RowBytes.raw;
import static com.pulse.adapter.json.RowBytes.text;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import com.pulse.domain.telemetry.metric.MetricWindowVersion;
import com.pulse.domain.telemetry.metric.MetricWindows;
import com.pulse.domain.telemetry.metric.SeriesStats;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes {@code MetricWindows} rows straight into a byte buffer kept between rows: the bytes
 * {@link AdxRows#writeMetricSeries} writes with a generator of {@link AdxRows#factory()} (compact,
 * no whitespace), for the rows whose strings are plain (every char in {@code 0x20..0x7E} but
 * {@code "} and {@code \}, which JSON writes as they are); {@link #row} returns null for the others,
 * which the generator writes. Field names and separators are pre-encoded ASCII; strings are copied
 * char by char; the attributes are sorted once for both {@code seriesKey} and {@code attributes};
 * longs as {@link NumberOutput} writes them for the generator; a finite double as
 * {@link NumberOutput#toString(double, boolean)} with the fast writer (the text of
 * {@code writeNumber(double)}), a NaN or infinity as the quoted string the generator writes for it
 * ({@code JsonWriteFeature.WRITE_NAN_AS_STRINGS}); instants from {@link AdxRows#INSTANTS}; bin keys
 * by {@link RowBytes#binKey}. Why: through the generator this row was 30 % of the metrics hub's CPU
 * per batch at 100,000 streams in a JFR profile (docs/PERFORMANCE.md).
 *
 * <p>Not thread-safe: one instance per thread ({@code AdxRows}).
 */
final class MetricRowWriter {
  /** Bytes of a double's text at most ({@code -2.2250738585072014E-308}, or a quoted {@code "-Infinity"}). */
  private static final int DOUBLE_BYTES = 26;
  private static final int DOUBLES = 11;
  private static final int LONGS = 6;
  private static final String[] NO_KEYS = new String[0];
  private static final byte[] BEFORE_ID = ascii("{\"id\":\"");
  private static final byte[] SLASH = ascii("/");
  private static final byte[] NOTHING = new byte[0];
  private static final byte[] BEFORE_WINDOW_ID = ascii("\",\"windowId\":\"");
  private static final byte[] BEFORE_TENANT_ID = ascii("\",\"tenantId\":\"");
  private static final byte[] BEFORE_SERVICE = ascii("\",\"service\":\"");
  private static final byte[] BEFORE_METRIC = ascii("\",\"metric\":\"");
  private static final byte[] BEFORE_UNIT = ascii("\",\"unit\":\"");
  private static final byte[] BEFORE_TYPE = ascii("\",\"type\":\"");
  private static final byte[] BEFORE_SERIES_KEY = ascii("\",\"seriesKey\":\"");
  private static final byte[] BEFORE_ATTRIBUTES = ascii("\",\"attributes\":{");
  private static final byte[] ATTRIBUTE_OPEN = ascii("\"");
  private static final byte[] NEXT_ATTRIBUTE_OPEN = ascii(",\"");
  private static final byte[] BETWEEN_NAME_AND_VALUE = ascii("\":\"");
  private static final byte[] EQUALS = ascii("=");
  private static final byte[] COMMA = ascii(",");
  private static final byte[] BEFORE_GRANULARITY = ascii("},\"granularity\":\"");
  private static final byte[] BEFORE_POINTS = ascii("\",\"points\":");
  private static final byte[] BEFORE_INCREASE = ascii(",\"increase\":");
  private static final byte[] BEFORE_RATE = ascii(",\"ratePerSecond\":");
  private static final byte[] BEFORE_LAST = ascii(",\"last\":");
  private static final byte[] BEFORE_LAST_TIME = ascii(",\"lastTimeUnixNano\":");
  private static final byte[] BEFORE_MIN = ascii(",\"min\":");
  private static final byte[] BEFORE_MAX = ascii(",\"max\":");
  private static final byte[] BEFORE_MEAN = ascii(",\"mean\":");
  private static final byte[] BEFORE_COUNT = ascii(",\"count\":");
  private static final byte[] BEFORE_SUM = ascii(",\"sum\":");
  private static final byte[] BEFORE_P50 = ascii(",\"p50\":");
  private static final byte[] BEFORE_P95 = ascii(",\"p95\":");
  private static final byte[] BEFORE_P99 = ascii(",\"p99\":");
  private static final byte[] BEFORE_MIN_MAX_ESTIMATED = ascii(",\"minMaxEstimated\":");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] BEFORE_SKETCH_BINS = ascii(",\"sketchBins\":{");
  private static final byte[] BEFORE_NEGATIVE_SKETCH_BINS = ascii("},\"negativeSketchBins\":{");
  private static final byte[] BEFORE_LATE_COUNT = ascii("},\"lateCount\":");
  private static final byte[] BEFORE_LAST_SEQUENCE_NUMBER = ascii(",\"lastSequenceNumber\":");
  private static final byte[] BEFORE_VERSION = ascii(",\"version\":");
  private static final byte[] BEFORE_UPDATED_AT = ascii(",\"updatedAt\":\"");
  private static final byte[] END = ascii("\"}");
  /** Bytes of the names and separators of a row, generously (all the constants above together are shorter). */
  private static final int CONSTANT_BYTES = 640;

  private final RowBytes.Buffer buffer = new RowBytes.Buffer();

  /**
   * The row of the {@code index}-th changed series of {@code version} as a new array, or null when
   * {@link AdxRows#writeMetricSeries} must write it (a string that is not plain).
   */
  byte[] row(MetricWindowVersion version, int index) {
    MetricWindowDocument d = version.document();
    MetricSeries s = version.series(index);
    SeriesStats st = version.stats().get(index);
    Map<String, String> attributes = s.attributes();
    String[] keys = attributes.isEmpty() ? NO_KEYS : attributes.keySet().toArray(NO_KEYS);
    if (keys.length > 1) {
      Arrays.sort(keys); // the order of the generator's TreeMap
    }
    long attributeChars = 0;
    for (String key : keys) {
      attributeChars += key.length() + attributes.get(key).length() + 6;
    }
    byte[] start = AdxRows.INSTANTS.text(d.windowStart()).asQuotedUTF8();
    byte[] end = AdxRows.INSTANTS.text(d.windowEnd()).asQuotedUTF8();
    long bound = CONSTANT_BYTES + 2L * d.id().length() + d.tenantId().length()
        + 2L * (s.service().length() + s.metric().length() + s.unit().length() + s.type().length())
        + d.granularity().length() + d.partition().length() + 3 * attributeChars + start.length + end.length;
    byte[] b = buffer.reserve(bound, 0);
    if (b == null) {
      return null;
    }
    int p = text(b, 0, BEFORE_ID, d.id());
    p = text(b, p, SLASH, s.service());
    p = text(b, p, SLASH, s.metric());
    p = text(b, p, SLASH, s.type());
    p = text(b, p, SLASH, s.unit());
    p = seriesKey(b, p, SLASH, keys, attributes);
    p = text(b, p, BEFORE_WINDOW_ID, d.id());
    p = text(b, p, BEFORE_TENANT_ID, d.tenantId());
    p = text(b, p, BEFORE_SERVICE, s.service());
    p = text(b, p, BEFORE_METRIC, s.metric());
    p = text(b, p, BEFORE_UNIT, s.unit());
    p = text(b, p, BEFORE_TYPE, s.type());
    p = seriesKey(b, p, BEFORE_SERIES_KEY, keys, attributes);
    if (p < 0) {
      return null;
    }
    p = raw(b, p, BEFORE_ATTRIBUTES);
    for (int i = 0; i < keys.length && p >= 0; i++) {
      p = text(b, p, i == 0 ? ATTRIBUTE_OPEN : NEXT_ATTRIBUTE_OPEN, keys[i]);
      p = text(b, p, BETWEEN_NAME_AND_VALUE, attributes.get(keys[i]));
      if (p >= 0) {
        b[p++] = '"';
      }
    }
    p = text(b, p, BEFORE_GRANULARITY, d.granularity());
    p = RowBytes.window(b, p, start, end, d.partition());
    if (p < 0) {
      return null;
    }
    // the strings were plain: the rest is numbers, bins and an instant
    byte[] updated = AdxRows.INSTANTS.text(d.updatedAt()).asQuotedUTF8();
    long[] positive = st.positiveBins();
    long[] negative = st.negativeBins();
    long rest = p + CONSTANT_BYTES + updated.length + DOUBLES * DOUBLE_BYTES + (LONGS + 3L) * RowBytes.LONG_BYTES
        + (long) (positive.length + negative.length) / 2 * (RowBytes.KEY_BYTES + RowBytes.LONG_BYTES);
    b = buffer.reserve(rest, p);
    if (b == null) {
      return null;
    }
    double seconds = (d.windowEnd().toEpochMilli() - d.windowStart().toEpochMilli()) / 1000.0;
    p = NumberOutput.outputLong(s.points(), b, raw(b, p, BEFORE_POINTS));
    p = number(b, raw(b, p, BEFORE_INCREASE), s.increase());
    p = number(b, raw(b, p, BEFORE_RATE), s.type().equals(MetricWindows.SUM) ? s.increase() / seconds : 0);
    p = number(b, raw(b, p, BEFORE_LAST), s.last() == null ? 0 : s.last());
    p = NumberOutput.outputLong(s.lastTimeUnixNano(), b, raw(b, p, BEFORE_LAST_TIME));
    p = number(b, raw(b, p, BEFORE_MIN), s.min() == null ? 0 : s.min());
    p = number(b, raw(b, p, BEFORE_MAX), s.max() == null ? 0 : s.max());
    p = number(b, raw(b, p, BEFORE_MEAN),
        s.type().equals(MetricWindows.GAUGE) && s.points() > 0 ? s.sum() / s.points() : 0);
    p = NumberOutput.outputLong(s.count(), b, raw(b, p, BEFORE_COUNT));
    p = number(b, raw(b, p, BEFORE_SUM), s.sum());
    p = number(b, raw(b, p, BEFORE_P50), st.p50());
    p = number(b, raw(b, p, BEFORE_P95), st.p95());
    p = number(b, raw(b, p, BEFORE_P99), st.p99());
    p = raw(b, raw(b, p, BEFORE_MIN_MAX_ESTIMATED), s.minMaxEstimated() ? TRUE : FALSE);
    p = NumberOutput.outputLong(st.zeroCount(), b, raw(b, p, RowBytes.BEFORE_SKETCH_ZERO_COUNT));
    p = bins(b, raw(b, p, BEFORE_SKETCH_BINS), positive);
    p = bins(b, raw(b, p, BEFORE_NEGATIVE_SKETCH_BINS), negative);
    p = NumberOutput.outputLong(d.lateCount(), b, raw(b, p, BEFORE_LATE_COUNT));
    p = NumberOutput.outputLong(d.lastSequenceNumber(), b, raw(b, p, BEFORE_LAST_SEQUENCE_NUMBER));
    p = NumberOutput.outputLong(d.version(), b, raw(b, p, BEFORE_VERSION));
    p = raw(b, raw(b, p, BEFORE_UPDATED_AT), updated);
    p = raw(b, p, END);
    return Arrays.copyOf(b, p);
  }

  /**
   * {@code before}, then the series key ({@code k=v} pairs in {@code keys} order, joined by
   * {@code ,}), at {@code at}; -1 as {@link RowBytes#text}.
   */
  private static int seriesKey(byte[] b, int at, byte[] before, String[] keys, Map<String, String> attributes) {
    int p = text(b, at, before, "");
    for (int i = 0; i < keys.length; i++) {
      p = text(b, p, i == 0 ? NOTHING : COMMA, keys[i]);
      p = text(b, p, EQUALS, attributes.get(keys[i]));
    }
    return p;
  }

  /** The text the generator writes for {@code value}, at {@code at}; returns the end. */
  private static int number(byte[] b, int at, double value) {
    if (Double.isFinite(value)) {
      return ascii(b, at, NumberOutput.toString(value, true));
    }
    b[at] = '"';
    int p = ascii(b, at + 1, Double.toString(value));
    b[p] = '"';
    return p + 1;
  }

  /** The bins of {@code pairs} (key, count, key, count, ...) as {@code "key":count} members; returns the end. */
  private static int bins(byte[] b, int at, long[] pairs) {
    int p = at;
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      p = NumberOutput.outputLong(pairs[i + 1], b, RowBytes.binKey(b, p, pairs[i], i == 0));
    }
    return p;
  }
}
