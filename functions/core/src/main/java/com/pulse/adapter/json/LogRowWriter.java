package com.pulse.adapter.json;

import static com.pulse.adapter.json.RowBytes.ascii;
import static com.pulse.adapter.json.RowBytes.raw;
import static com.pulse.adapter.json.RowBytes.text;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.pulse.domain.telemetry.log.LogSeries;
import com.pulse.domain.telemetry.log.LogTemplateCount;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import java.util.Arrays;
import java.util.List;

/**
 * Writes {@code LogWindows} rows straight into a byte buffer kept between rows: the bytes
 * {@link AdxRows#writeLogSeries} writes with a generator of {@link AdxRows#factory()} (compact, no
 * whitespace), for the rows whose strings (templates included) are plain (every char in
 * {@code 0x20..0x7E} but {@code "} and {@code \}, which JSON writes as they are); {@link #row}
 * returns null for the others, which the generator writes. Field names and separators are
 * pre-encoded ASCII, strings copied char by char, longs as {@link NumberOutput} writes them for the
 * generator, instants from {@link AdxRows#INSTANTS}.
 *
 * <p>Not thread-safe: one instance per thread ({@code AdxRows}).
 */
final class LogRowWriter {
  private static final int LONGS = 4;
  private static final byte[] BEFORE_ID = ascii("{\"id\":\"");
  private static final byte[] BEFORE_TENANT_ID = ascii("\",\"tenantId\":\"");
  private static final byte[] BEFORE_SERVICE = ascii("\",\"service\":\"");
  private static final byte[] BEFORE_SEVERITY = ascii("\",\"severity\":\"");
  private static final byte[] BEFORE_GRANULARITY = ascii("\",\"granularity\":\"");
  private static final byte[] BEFORE_COUNT = ascii("\",\"count\":");
  private static final byte[] BEFORE_TEMPLATES = ascii(",\"templates\":[");
  private static final byte[] BEFORE_TEMPLATE = ascii("{\"template\":\"");
  private static final byte[] BEFORE_NEXT_TEMPLATE = ascii(",{\"template\":\"");
  private static final byte[] BEFORE_TEMPLATE_COUNT = ascii("\",\"count\":");
  private static final byte[] BEFORE_OTHER_TEMPLATE_COUNT = ascii("],\"otherTemplateCount\":");
  private static final byte[] BEFORE_LAST_SEQUENCE_NUMBER = ascii(",\"lastSequenceNumber\":");
  private static final byte[] BEFORE_VERSION = ascii(",\"version\":");
  private static final byte[] BEFORE_UPDATED_AT = ascii(",\"updatedAt\":\"");
  private static final byte[] END = ascii("\"}");
  /** Bytes of the names and separators of a row, generously (all the constants above together are shorter). */
  private static final int CONSTANT_BYTES = 320;
  /** Bytes of a template's names and separators and its count at most. */
  private static final int TEMPLATE_BYTES = BEFORE_NEXT_TEMPLATE.length + BEFORE_TEMPLATE_COUNT.length + 1
      + RowBytes.LONG_BYTES;

  private final RowBytes.Buffer buffer = new RowBytes.Buffer();

  /**
   * The row of {@code series} of {@code document} as a new array, or null when
   * {@link AdxRows#writeLogSeries} must write it (a string that is not plain).
   */
  byte[] row(LogWindowDocument document, LogSeries series) {
    byte[] start = AdxRows.INSTANTS.text(document.windowStart()).asQuotedUTF8();
    byte[] end = AdxRows.INSTANTS.text(document.windowEnd()).asQuotedUTF8();
    byte[] updated = AdxRows.INSTANTS.text(document.updatedAt()).asQuotedUTF8();
    List<LogTemplateCount> templates = series.templates();
    long bound = CONSTANT_BYTES + (long) document.id().length() + document.tenantId().length()
        + series.service().length() + series.severity().length() + document.granularity().length()
        + document.partition().length() + start.length + end.length + updated.length
        + (LONGS + 1L) * RowBytes.LONG_BYTES;
    for (LogTemplateCount t : templates) {
      bound += TEMPLATE_BYTES + t.template().length();
    }
    byte[] b = buffer.reserve(bound, 0);
    if (b == null) {
      return null;
    }
    int p = text(b, 0, BEFORE_ID, document.id());
    p = text(b, p, BEFORE_TENANT_ID, document.tenantId());
    p = text(b, p, BEFORE_SERVICE, series.service());
    p = text(b, p, BEFORE_SEVERITY, series.severity());
    p = text(b, p, BEFORE_GRANULARITY, document.granularity());
    p = RowBytes.window(b, p, start, end, document.partition());
    if (p < 0) {
      return null;
    }
    p = raw(b, NumberOutput.outputLong(series.count(), b, raw(b, p, BEFORE_COUNT)), BEFORE_TEMPLATES);
    for (int i = 0; i < templates.size() && p >= 0; i++) {
      LogTemplateCount t = templates.get(i);
      p = text(b, p, i == 0 ? BEFORE_TEMPLATE : BEFORE_NEXT_TEMPLATE, t.template());
      if (p >= 0) {
        p = NumberOutput.outputLong(t.count(), b, raw(b, p, BEFORE_TEMPLATE_COUNT));
        b[p++] = '}';
      }
    }
    if (p < 0) {
      return null;
    }
    p = NumberOutput.outputLong(series.otherTemplateCount(), b, raw(b, p, BEFORE_OTHER_TEMPLATE_COUNT));
    p = NumberOutput.outputLong(document.lastSequenceNumber(), b, raw(b, p, BEFORE_LAST_SEQUENCE_NUMBER));
    p = NumberOutput.outputLong(document.version(), b, raw(b, p, BEFORE_VERSION));
    p = raw(b, raw(b, p, BEFORE_UPDATED_AT), updated);
    p = raw(b, p, END);
    return Arrays.copyOf(b, p);
  }
}
