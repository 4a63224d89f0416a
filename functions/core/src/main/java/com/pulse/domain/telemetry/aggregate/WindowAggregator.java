package com.pulse.domain.telemetry.aggregate;

import com.pulse.domain.telemetry.IngestRules;
import com.pulse.domain.telemetry.RequestSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Folds decoded requests and dependency calls into per-window deltas: for every record, its 1-minute
 * window and its hourly roll-up, keyed by (tenant, service, dependency (null for requests),
 * operation, window start); internal spans are counted ({@link #internalSpans}). Implements
 * {@link RequestSink}, so a decoder feeds it directly; the caller announces each event with
 * {@link #beginEvent} (its sequence number and the partition watermark, see {@link LatenessPolicy}).
 *
 * <p>Per request, once the two windows' accumulators exist, this does one logarithm (the DDSketch
 * bin, shared by both windows), one hash of the user id, two table probes and two array increments:
 * no allocation.
 *
 * <p>An optional {@link SequenceFloor} restricts folding to requests whose event sequence number is
 * above the target document's {@code lastSequenceNumber}: that is how a partially applied window is
 * recomputed on redelivery. Not thread-safe: one instance per batch and thread.
 */
public final class WindowAggregator implements RequestSink {

  /**
   * Highest sequence number already folded into a document; requests of events at or below it are
   * ignored for that document.
   */
  @FunctionalInterface
  public interface SequenceFloor {
    /** The document's {@code lastSequenceNumber}, or -1 when nothing was folded in. */
    long floor(Granularity granularity, String tenantId, String service, String dependency, String operation,
        long windowStartMillis);
  }

  private final LatenessPolicy policy;
  private final long retentionMillis;
  private final SequenceFloor floor;
  private final WindowTable minutes = new WindowTable(Granularity.MINUTE);
  private final WindowTable hours = new WindowTable(Granularity.HOUR);
  private long sequenceNumber;
  private long watermarkMillis = Long.MIN_VALUE;
  private long requests;
  private long expired;
  private long outOfRange;
  private long dependencies;
  private long internalSpans;
  private final long allowedLatenessMillis;

  /** An aggregator with the given lateness policy and no sequence floor. @throws NullPointerException if null */
  public WindowAggregator(LatenessPolicy policy) {
    this(policy, null);
  }

  /**
   * An aggregator with a sequence floor (null for none).
   *
   * @throws NullPointerException if {@code policy} is null
   */
  public WindowAggregator(LatenessPolicy policy, SequenceFloor floor) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.retentionMillis = policy.retention().toMillis();
    this.allowedLatenessMillis = policy.allowedLateness().toMillis();
    this.floor = floor;
  }

  /** An aggregator for benchmarks and tests: 5 minutes allowed lateness, default retention. */
  public WindowAggregator() {
    this(LatenessPolicy.of(Duration.ofMinutes(5)));
  }

  /** The lateness policy. */
  public LatenessPolicy policy() {
    return policy;
  }

  /**
   * Announces the event whose requests follow.
   *
   * @param eventSequenceNumber Event Hubs sequence number of the event
   * @param partitionWatermarkMillis the partition's watermark at this event, epoch ms
   */
  public void beginEvent(long eventSequenceNumber, long partitionWatermarkMillis) {
    this.sequenceNumber = eventSequenceNumber;
    this.watermarkMillis = partitionWatermarkMillis;
  }

  @Override
  public void request(String tenantId, String service, String operation, long startEpochMillis, double durationMs, boolean error, CharSequence userId) {
    boolean hasUser = userId != null;
    if (fold(tenantId, service, null, operation, startEpochMillis, durationMs, error, hasUser,
        hasUser ? UserSketches.hash64(userId) : 0)) {
      requests++;
    }
  }

  @Override
  public void dependency(String tenantId, String service, String dependency, String operation, long startEpochMillis,
      double durationMs, boolean error) {
    if (fold(tenantId, service, dependency, operation, startEpochMillis, durationMs, error, false, 0)) {
      dependencies++;
    }
  }

  /**
   * Folds one request ({@code dependency} null) or dependency call into its minute and hour windows,
   * each unless the floor says the window's document already holds this event.
   *
   * @return false if it was out of range or expired (counted as such), true if it was aggregated
   */
  private boolean fold(String tenantId, String service, String dependency, String operation, long startEpochMillis,
      double durationMs, boolean error, boolean hasUser, long userHash) {
    if (!inRange(startEpochMillis, durationMs)) {
      outOfRange++;
      return false;
    }
    long minuteStart = Granularity.MINUTE.windowStart(startEpochMillis);
    long minuteEnd = minuteStart + Granularity.MINUTE.millis();
    if (minuteEnd + retentionMillis <= watermarkMillis) {
      expired++;
      return false;
    }
    long hourStart = Granularity.HOUR.windowStart(startEpochMillis);
    int bin = LatencySketches.binIndex(durationMs); // one logarithm for both windows
    if (floor == null || floor.floor(Granularity.MINUTE, tenantId, service, dependency, operation, minuteStart) < sequenceNumber) {
      minutes.getOrCreate(tenantId, service, dependency, operation, minuteStart)
          .add(durationMs, bin, error, minuteEnd <= watermarkMillis, hasUser, userHash, sequenceNumber);
    }
    if (floor == null || floor.floor(Granularity.HOUR, tenantId, service, dependency, operation, hourStart) < sequenceNumber) {
      hours.getOrCreate(tenantId, service, dependency, operation, hourStart)
          .add(durationMs, bin, error, hourStart + Granularity.HOUR.millis() <= watermarkMillis, hasUser, userHash, sequenceNumber);
    }
    return true;
  }

  @Override
  public void internalSpan(String tenantId, String service) {
    internalSpans++;
  }

  private boolean inRange(long startEpochMillis, double durationMs) {
    return IngestRules.isDurationInRange(durationMs)
        && (watermarkMillis == Long.MIN_VALUE
            || IngestRules.isTimeInRange(startEpochMillis, watermarkMillis + allowedLatenessMillis));
  }

  /** Dependency calls accepted so far (each counts once, though it touches two windows). */
  public long dependencies() {
    return dependencies;
  }

  /** Spans of kind INTERNAL or UNSPECIFIED seen (counted, not aggregated). */
  public long internalSpans() {
    return internalSpans;
  }

  /** Requests accepted so far (each counts once, though it touches two windows). */
  public long requests() {
    return requests;
  }

  /** Requests dropped because their window ended {@code retention} or more before the watermark. */
  public long expired() {
    return expired;
  }

  /**
   * Requests dropped because a value broke {@link IngestRules}: duration outside
   * {@code [0, MAX_DURATION_MS]} or start more than {@code MAX_FUTURE_SKEW_MS} after the partition's
   * newest enqueued time (watermark + allowed lateness). They never reach a sketch.
   */
  public long outOfRange() {
    return outOfRange;
  }

  /** Every touched window, minute windows first, each group in first-touched order. */
  public List<WindowAccumulator> accumulators() {
    List<WindowAccumulator> all = new ArrayList<>(minutes.accumulators().size() + hours.accumulators().size());
    all.addAll(minutes.accumulators());
    all.addAll(hours.accumulators());
    return all;
  }
}
