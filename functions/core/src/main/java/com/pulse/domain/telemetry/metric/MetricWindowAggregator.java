package com.pulse.domain.telemetry.metric;

import com.pulse.domain.telemetry.IngestRules;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.internal.decode.DataPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds data points (after the cumulative-to-delta step) into per-document deltas: each point into
 * the minute and the hour window of its {@code time_unix_nano}, per tenant. Validation on the way
 * ({@link IngestRules}): a value (gauge or sum value, histogram sum/min/max) that is not finite or
 * above {@link IngestRules#MAX_ABS_VALUE}, a time of 0 or more than {@link IngestRules#MAX_FUTURE_SKEW_MS}
 * after the partition's newest enqueued time is <em>out of range</em>; a window that ended the
 * retention before the watermark is <em>expired</em>; a closed window takes the point as
 * <em>late</em>. An optional sequence floor per document restricts folding to events above the
 * document's {@code lastSequenceNumber} (redelivery). Not thread-safe.
 */
public final class MetricWindowAggregator {

  /** The {@code lastSequenceNumber} of a document, or {@link Long#MAX_VALUE} to fold nothing into it. */
  @FunctionalInterface
  public interface SequenceFloor {
    long floor(Granularity granularity, String tenantId, long windowStartMillis);
  }

  private final LatenessPolicy policy;
  private final List<String> dimensionNames;
  private final SequenceFloor floor;
  private final Map<String, Map<Long, MetricWindowAccumulator>> minutes = new LinkedHashMap<>();
  private final Map<String, Map<Long, MetricWindowAccumulator>> hours = new LinkedHashMap<>();
  private long aggregated;
  private long expired;
  private long outOfRange;

  /**
   * @param floor per-document sequence floor, or null for none
   * @throws NullPointerException if {@code policy} or {@code dimensionNames} is null
   */
  public MetricWindowAggregator(LatenessPolicy policy, List<String> dimensionNames, SequenceFloor floor) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.dimensionNames = List.copyOf(dimensionNames);
    this.floor = floor;
  }

  /** Folds {@code p} if its outcome is {@link DataPoint#FOLD}; other outcomes are the caller's to count. */
  public void fold(DataPoint p) {
    if (p.outcome != DataPoint.FOLD) {
      return;
    }
    if (!inRange(p)) {
      outOfRange++;
      return;
    }
    long timeMillis = p.timeNanos / 1_000_000L;
    long minuteStart = Granularity.MINUTE.windowStart(timeMillis);
    long minuteEnd = minuteStart + Granularity.MINUTE.millis();
    if (minuteEnd + policy.retention().toMillis() <= p.watermarkMillis) {
      expired++;
      return;
    }
    aggregated++;
    long hourStart = Granularity.HOUR.windowStart(timeMillis);
    if (floor == null || floor.floor(Granularity.MINUTE, p.tenantId, minuteStart) < p.sequenceNumber) {
      window(minutes, Granularity.MINUTE, p.tenantId, minuteStart).add(p, minuteEnd <= p.watermarkMillis);
    }
    if (floor == null || floor.floor(Granularity.HOUR, p.tenantId, hourStart) < p.sequenceNumber) {
      window(hours, Granularity.HOUR, p.tenantId, hourStart).add(p, hourStart + Granularity.HOUR.millis() <= p.watermarkMillis);
    }
  }

  private static boolean inRange(DataPoint p) {
    if (p.timeNanos <= 0 || !IngestRules.isTimeInRange(p.timeNanos / 1_000_000L, p.newestEnqueuedMillis)) {
      return false;
    }
    return switch (p.type) {
      case DataPoint.GAUGE, DataPoint.SUM -> IngestRules.isValueInRange(p.value) && IngestRules.isValueInRange(p.deltaValue);
      case DataPoint.SUMMARY -> Double.isNaN(p.sum) || IngestRules.isValueInRange(p.sum);
      default -> (Double.isNaN(p.sum) || IngestRules.isValueInRange(p.sum))
          && (Double.isNaN(p.min) || IngestRules.isValueInRange(p.min))
          && (Double.isNaN(p.max) || IngestRules.isValueInRange(p.max))
          && boundsInRange(p);
    };
  }

  private static boolean boundsInRange(DataPoint p) {
    for (int i = 0; i < p.nBounds; i++) {
      if (!IngestRules.isValueInRange(p.bounds[i]) || i > 0 && p.bounds[i] <= p.bounds[i - 1]) {
        return false;
      }
    }
    return p.type != DataPoint.EXPONENTIAL_HISTOGRAM || p.scale >= -10 && p.scale <= 20;
  }

  private MetricWindowAccumulator window(Map<String, Map<Long, MetricWindowAccumulator>> table, Granularity g, String tenant,
      long start) {
    return table.computeIfAbsent(tenant, t -> new HashMap<>())
        .computeIfAbsent(start, s -> new MetricWindowAccumulator(tenant, g, s, dimensionNames));
  }

  /** Points folded in (each once, though it touches two windows). */
  public long aggregated() {
    return aggregated;
  }

  /** Points dropped: their window had expired. */
  public long expired() {
    return expired;
  }

  /** Points dropped: a value or time outside {@link IngestRules}. */
  public long outOfRange() {
    return outOfRange;
  }

  /** Every touched document's delta, minute windows first. */
  public List<MetricWindowAccumulator> accumulators() {
    List<MetricWindowAccumulator> all = new ArrayList<>();
    minutes.values().forEach(m -> all.addAll(m.values()));
    hours.values().forEach(m -> all.addAll(m.values()));
    return all;
  }
}
