package com.pulse.domain.telemetry.log;

import com.pulse.domain.telemetry.IngestRules;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds decoded log records into per-document deltas: for every record, its 1-minute window and its
 * hourly roll-up of its tenant ({@link LogWindowAccumulator}). A {@link LogSink}, so a
 * {@link LogDecoder} feeds it directly; the caller announces each event with {@link #beginEvent}.
 *
 * <p>Every record ends in exactly one counter: {@link #records} (folded in), {@link #outOfRange}
 * (a {@code SeverityNumber} outside 0-24, or a time more than
 * {@link IngestRules#MAX_FUTURE_SKEW_MS} after the partition's newest enqueued time) or
 * {@link #expired} (its minute window ended the retention or more before the watermark, the rule of
 * request windows, {@link LatenessPolicy}). Late records (window closed before the watermark) are
 * folded in and counted in the document's {@code lateCount}.
 *
 * <p>Per record, once its windows' accumulators exist: two map probes per window and, for ERROR and
 * FATAL only, one template ({@link MessageTemplates#of}, computed once for both windows). An optional
 * {@link SequenceFloor} restricts folding to events above a document's {@code lastSequenceNumber}
 * (recomputing a partly applied document on redelivery). Not thread-safe: one per batch and thread.
 */
public final class LogAggregator implements LogSink {

  /** Highest sequence number already folded into a document; records of events at or below it are ignored for it. */
  @FunctionalInterface
  public interface SequenceFloor {
    /** The document's {@code lastSequenceNumber}, or -1 when nothing was folded in. */
    long floor(Granularity granularity, String tenantId, long windowStartMillis);
  }

  private record Key(Granularity granularity, String tenantId, long windowStartMillis) {}

  private final long retentionMillis;
  private final long allowedLatenessMillis;
  private final SequenceFloor floor;
  private final Map<Key, LogWindowAccumulator> windows = new HashMap<>();
  private final List<LogWindowAccumulator> minutes = new ArrayList<>();
  private final List<LogWindowAccumulator> hours = new ArrayList<>();
  private LogWindowAccumulator lastMinute;
  private LogWindowAccumulator lastHour;
  private long sequenceNumber;
  private long watermarkMillis = Long.MIN_VALUE;
  private long records;
  private long outOfRange;
  private long expired;

  /**
   * @param policy allowed lateness and retention
   * @param floor sequence floor per document, or null for none
   * @throws NullPointerException if {@code policy} is null
   */
  public LogAggregator(LatenessPolicy policy, SequenceFloor floor) {
    Objects.requireNonNull(policy, "policy");
    this.retentionMillis = policy.retention().toMillis();
    this.allowedLatenessMillis = policy.allowedLateness().toMillis();
    this.floor = floor;
  }

  /**
   * Announces the event whose records follow.
   *
   * @param eventSequenceNumber Event Hubs sequence number of the event
   * @param partitionWatermarkMillis the partition's watermark at this event, epoch ms
   */
  public void beginEvent(long eventSequenceNumber, long partitionWatermarkMillis) {
    this.sequenceNumber = eventSequenceNumber;
    this.watermarkMillis = partitionWatermarkMillis;
  }

  @Override
  public void logRecord(String tenantId, String service, int severityNumber, long timeEpochMillis, String message) {
    Severity severity = Severity.ofNumber(severityNumber);
    if (severity == null || watermarkMillis != Long.MIN_VALUE
        && !IngestRules.isTimeInRange(timeEpochMillis, watermarkMillis + allowedLatenessMillis)) {
      outOfRange++;
      return;
    }
    long minuteStart = Granularity.MINUTE.windowStart(timeEpochMillis);
    long minuteEnd = minuteStart + Granularity.MINUTE.millis();
    if (minuteEnd + retentionMillis <= watermarkMillis) {
      expired++;
      return;
    }
    records++;
    long hourStart = Granularity.HOUR.windowStart(timeEpochMillis);
    String template = severity.keepsTemplates() ? MessageTemplates.of(message == null ? "" : message) : null;
    if (floor == null || floor.floor(Granularity.MINUTE, tenantId, minuteStart) < sequenceNumber) {
      LogWindowAccumulator m = lastMinute;
      if (m == null || m.windowStartMillis() != minuteStart || !m.tenantId().equals(tenantId)) {
        m = lastMinute = window(Granularity.MINUTE, tenantId, minuteStart);
      }
      m.add(service, severity, template, minuteEnd <= watermarkMillis, sequenceNumber);
    }
    if (floor == null || floor.floor(Granularity.HOUR, tenantId, hourStart) < sequenceNumber) {
      LogWindowAccumulator h = lastHour;
      if (h == null || h.windowStartMillis() != hourStart || !h.tenantId().equals(tenantId)) {
        h = lastHour = window(Granularity.HOUR, tenantId, hourStart);
      }
      h.add(service, severity, template, hourStart + Granularity.HOUR.millis() <= watermarkMillis, sequenceNumber);
    }
  }

  private LogWindowAccumulator window(Granularity g, String tenantId, long start) {
    return windows.computeIfAbsent(new Key(g, tenantId, start), k -> {
      LogWindowAccumulator a = new LogWindowAccumulator(g, tenantId, start);
      (g == Granularity.MINUTE ? minutes : hours).add(a);
      return a;
    });
  }

  /** Records folded in (each once, though it touches two windows). */
  public long records() {
    return records;
  }

  /** Records dropped for a severity number outside 0-24 or a time too far in the future. */
  public long outOfRange() {
    return outOfRange;
  }

  /** Records dropped because their window document has expired (see {@link LatenessPolicy}). */
  public long expired() {
    return expired;
  }

  /** Every touched document's delta, minute windows first, each group in first-touched order. */
  public List<LogWindowAccumulator> accumulators() {
    List<LogWindowAccumulator> all = new ArrayList<>(minutes.size() + hours.size());
    all.addAll(minutes);
    all.addAll(hours);
    return all;
  }
}
