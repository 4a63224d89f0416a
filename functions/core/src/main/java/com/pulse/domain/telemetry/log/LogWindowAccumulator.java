package com.pulse.domain.telemetry.log;

import com.pulse.domain.telemetry.aggregate.Granularity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One batch's delta for one log window document: every (service, severity) series of one tenant and
 * window, services and templates in first-seen (event) order, templates unbounded (bounded by the
 * batch). {@link LogWindows#merge} applies the document bounds in that order, which makes the merged
 * document independent of where batch boundaries fell. Not thread-safe.
 */
public final class LogWindowAccumulator {
  private static final Severity[] SEVERITIES = Severity.values();

  private final Granularity granularity;
  private final String tenantId;
  private final long windowStartMillis;
  private final Map<String, Series[]> services = new LinkedHashMap<>();
  private long count;
  private long lateCount;
  private long minSequenceNumber = Long.MAX_VALUE;
  private long maxSequenceNumber = Long.MIN_VALUE;

  /** The delta of one series: a count and, for ERROR/FATAL, templates in first-seen order. */
  static final class Series {
    long count;
    final Map<String, long[]> templates = new LinkedHashMap<>();
  }

  LogWindowAccumulator(Granularity granularity, String tenantId, long windowStartMillis) {
    this.granularity = granularity;
    this.tenantId = tenantId;
    this.windowStartMillis = windowStartMillis;
  }

  /** Folds in one record; {@code template} is null unless {@code severity} keeps templates. */
  void add(String service, Severity severity, String template, boolean late, long sequenceNumber) {
    Series[] bySeverity = services.get(service);
    if (bySeverity == null) {
      bySeverity = new Series[SEVERITIES.length];
      services.put(service, bySeverity);
    }
    Series s = bySeverity[severity.ordinal()];
    if (s == null) {
      s = new Series();
      bySeverity[severity.ordinal()] = s;
    }
    s.count++;
    if (template != null) {
      long[] c = s.templates.get(template);
      if (c == null) {
        s.templates.put(template, new long[] {1});
      } else {
        c[0]++;
      }
    }
    count++;
    if (late) {
      lateCount++;
    }
    minSequenceNumber = Math.min(minSequenceNumber, sequenceNumber);
    maxSequenceNumber = Math.max(maxSequenceNumber, sequenceNumber);
  }

  /** Services in first-seen order, each with its series by {@link Severity#ordinal()} (null: none). */
  Map<String, Series[]> services() {
    return services;
  }

  /** Minute or hour. */
  public Granularity granularity() {
    return granularity;
  }

  /** Tenant id. */
  public String tenantId() {
    return tenantId;
  }

  /** Window start, epoch ms UTC. */
  public long windowStartMillis() {
    return windowStartMillis;
  }

  /** Records folded in. */
  public long count() {
    return count;
  }

  /** Records folded in behind the watermark. */
  public long lateCount() {
    return lateCount;
  }

  /** Lowest event sequence number folded in ({@code Long.MAX_VALUE} when empty). */
  public long minSequenceNumber() {
    return minSequenceNumber;
  }

  /** Highest event sequence number folded in ({@code Long.MIN_VALUE} when empty). */
  public long maxSequenceNumber() {
    return maxSequenceNumber;
  }

  /** Records of {@code severity} in this delta, over every service. */
  public long count(Severity severity) {
    long n = 0;
    for (Series[] s : services.values()) {
      n += s[severity.ordinal()] == null ? 0 : s[severity.ordinal()].count;
    }
    return n;
  }

  /** The count of one series of this delta (0 when absent); for tests. */
  public long count(String service, Severity severity) {
    Series[] s = services.get(service);
    return s == null || s[severity.ordinal()] == null ? 0 : s[severity.ordinal()].count;
  }
}
