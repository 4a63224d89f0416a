package com.pulse.domain.telemetry.metric;

import com.pulse.domain.telemetry.internal.decode.DataPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the cumulative points of one tenant on one partition into per-point increases, against the
 * last point of each stream ({@link MetricStreamDocument}). Rules, per stream (OpenTelemetry metrics
 * data model, "Sums" and "Resets and Gaps":
 * https://opentelemetry.io/docs/specs/otel/metrics/data-model/#resets-and-gaps):
 *
 * <ul>
 *   <li><b>First point</b> of a stream: if it started at most {@link #NEW_STREAM} before the point
 *       ({@code time − start_time}), its whole value accrued since its start and is its increase;
 *       otherwise (Pulse joined mid-stream, or forgot the stream) it only sets the baseline
 *       ({@link DataPoint#BASELINE}, counted, contributes nothing).
 *   <li><b>Reset</b>: a later {@code start_time_unix_nano}, or (same start) a monotonic sum, a count or
 *       any bucket that went down, or a histogram whose bucket layout changed: the increase is the
 *       new value itself.
 *   <li><b>Not newer</b>: same start and {@code time_unix_nano} not after the last point (a resend),
 *       an earlier start (a late point of an older incarnation), or {@code FLAG_NO_RECORDED_VALUE}:
 *       {@link DataPoint#STALE}, counted, the state is unchanged.
 *   <li>Otherwise the increase is the difference (bucket by bucket; an exponential histogram's older
 *       point is first downscaled to the new point's scale: index {@code i} → {@code i >> (s_old − s_new)}).
 * </ul>
 *
 * <p><b>Bounded state.</b> A stream whose last point is older than {@link #FORGET_AFTER} behind the
 * point's partition watermark is forgotten (its next point is a first point); at most
 * {@link #MAX_STREAMS} live streams per tenant and partition, a point of a further new stream is
 * {@link DataPoint#STREAM_LIMIT} (counted). Both rules depend only on the partition's event sequence
 * (the watermark, see {@code LatenessPolicy}), so a redelivery decides exactly as the first delivery.
 *
 * <p>Not thread-safe: one instance per tenant and batch.
 */
public final class StreamStates {
  /** Live cumulative streams per tenant and partition. */
  public static final int MAX_STREAMS = 2000;
  /** How long after its start a stream's first point may come and still count whole. */
  public static final Duration NEW_STREAM = Duration.ofMinutes(5);
  /** A stream silent this long (by the partition watermark) is forgotten. */
  public static final Duration FORGET_AFTER = Duration.ofHours(1);

  private static final long NEW_STREAM_NANOS = NEW_STREAM.toNanos();
  private static final long FORGET_AFTER_MILLIS = FORGET_AFTER.toMillis();

  private final String tenantId;
  private final long floor;
  private final Map<Long, StreamPoint> streams = new HashMap<>();
  private long lastSequenceNumber;
  private long lastWatermarkMillis = Long.MIN_VALUE;

  /**
   * @param tenantId the tenant
   * @param stored its stored state on this partition, or null
   */
  public StreamStates(String tenantId, MetricStreamDocument stored) {
    this.tenantId = tenantId;
    this.floor = stored == null ? -1 : stored.lastSequenceNumber();
    this.lastSequenceNumber = floor;
    if (stored != null) {
      for (StreamPoint s : stored.streams()) {
        streams.put(s.stream(), s);
      }
    }
  }

  /** The stored {@code lastSequenceNumber}: cumulative points of events at or below it are duplicates. */
  public long floor() {
    return floor;
  }

  /** True if a point of an event above the stored floor was applied, i.e. the document must be written. */
  public boolean changed() {
    return lastSequenceNumber > floor;
  }

  /**
   * Sets {@code p.outcome} and, for {@link DataPoint#FOLD}, its {@code delta*} fields; updates the
   * stream's last point. {@code p} must be a cumulative point of this tenant; events in ascending
   * sequence order.
   */
  public void convert(DataPoint p) {
    if (p.sequenceNumber <= floor) {
      p.outcome = DataPoint.DUPLICATE;
      return;
    }
    lastSequenceNumber = Math.max(lastSequenceNumber, p.sequenceNumber);
    lastWatermarkMillis = Math.max(lastWatermarkMillis, p.watermarkMillis);
    if ((p.flags & DataPoint.FLAG_NO_RECORDED_VALUE) != 0) {
      p.outcome = DataPoint.STALE;
      return;
    }
    StreamPoint prev = streams.get(p.streamHash);
    if (prev != null && isForgotten(prev, p.watermarkMillis)) {
      streams.remove(p.streamHash);
      prev = null;
    }
    if (prev == null) {
      if (streams.size() >= MAX_STREAMS) {
        streams.values().removeIf(s -> isForgotten(s, p.watermarkMillis));
        if (streams.size() >= MAX_STREAMS) {
          p.outcome = DataPoint.STREAM_LIMIT;
          return;
        }
      }
      boolean recent = p.startNanos > 0 && p.timeNanos >= p.startNanos && p.timeNanos - p.startNanos <= NEW_STREAM_NANOS;
      if (recent) {
        p.deltaIsValue();
        p.outcome = DataPoint.FOLD;
      } else {
        p.outcome = DataPoint.BASELINE;
      }
      streams.put(p.streamHash, snapshot(p));
      return;
    }
    if (p.startNanos < prev.startTimeUnixNano()
        || p.startNanos == prev.startTimeUnixNano() && p.timeNanos <= prev.timeUnixNano()) {
      p.outcome = DataPoint.STALE;
      return;
    }
    p.outcome = DataPoint.FOLD;
    if (p.startNanos > prev.startTimeUnixNano() || !difference(p, prev)) {
      p.deltaIsValue();
    }
    streams.put(p.streamHash, snapshot(p));
  }

  private static boolean isForgotten(StreamPoint s, long watermarkMillis) {
    return s.timeUnixNano() / 1_000_000L < watermarkMillis - FORGET_AFTER_MILLIS;
  }

  /** Fills {@code p}'s deltas with {@code p − prev}; false if that shows a reset. */
  private static boolean difference(DataPoint p, StreamPoint prev) {
    p.ensureDeltaCapacity();
    switch (p.type) {
      case DataPoint.SUM -> {
        p.deltaValue = p.value - prev.value();
        return !(p.monotonic && p.deltaValue < 0);
      }
      case DataPoint.SUMMARY -> {
        p.deltaCount = p.count - prev.count();
        p.deltaSum = (Double.isNaN(p.sum) ? 0 : p.sum) - prev.sum();
        return p.deltaCount >= 0;
      }
      case DataPoint.HISTOGRAM -> {
        if (p.nBuckets != prev.buckets().length || p.count < prev.count()) {
          return false;
        }
        for (int i = 0; i < p.nBuckets; i++) {
          p.deltaBuckets[i] = p.buckets[i] - prev.buckets()[i];
          if (p.deltaBuckets[i] < 0) {
            return false;
          }
        }
        p.deltaCount = p.count - prev.count();
        p.deltaSum = (Double.isNaN(p.sum) ? 0 : p.sum) - prev.sum();
        return true;
      }
      case DataPoint.EXPONENTIAL_HISTOGRAM -> {
        if (p.scale > prev.scale() || p.count < prev.count() || p.zeroCount < prev.zeroCount()) {
          return false;
        }
        int shift = prev.scale() - p.scale;
        p.deltaCount = p.count - prev.count();
        p.deltaSum = (Double.isNaN(p.sum) ? 0 : p.sum) - prev.sum();
        p.deltaZeroCount = p.zeroCount - prev.zeroCount();
        return subtract(p.positive, p.nPositive, p.positiveOffset, prev.positive(), prev.positiveOffset(), shift, p.deltaPositive)
            && subtract(p.negative, p.nNegative, p.negativeOffset, prev.negative(), prev.negativeOffset(), shift, p.deltaNegative);
      }
      default -> throw new IllegalStateException("not a cumulative type: " + p.type);
    }
  }

  private static boolean subtract(long[] now, int n, int offset, long[] before, int beforeOffset, int shift, long[] out) {
    System.arraycopy(now, 0, out, 0, n);
    for (int i = 0; i < before.length; i++) {
      if (before[i] == 0) {
        continue;
      }
      int index = ((beforeOffset + i) >> shift) - offset;
      if (index < 0 || index >= n) {
        return false;
      }
      out[index] -= before[i];
      if (out[index] < 0) {
        return false;
      }
    }
    return true;
  }

  private static StreamPoint snapshot(DataPoint p) {
    boolean exponential = p.type == DataPoint.EXPONENTIAL_HISTOGRAM;
    return new StreamPoint(p.streamHash, p.startNanos, p.timeNanos, p.value, p.count, Double.isNaN(p.sum) ? 0 : p.sum,
        p.type == DataPoint.HISTOGRAM ? Arrays.copyOf(p.buckets, p.nBuckets) : EMPTY,
        p.scale, p.zeroCount, p.positiveOffset, exponential ? Arrays.copyOf(p.positive, p.nPositive) : EMPTY,
        p.negativeOffset, exponential ? Arrays.copyOf(p.negative, p.nNegative) : EMPTY);
  }

  private static final long[] EMPTY = new long[0];

  /**
   * The next version of the state document: the live streams (those not forgotten at the last
   * watermark seen), sorted by stream hash, and the new {@code lastSequenceNumber}.
   *
   * @param existing the stored document, or null
   */
  public MetricStreamDocument next(MetricStreamDocument existing, String partition, Instant writtenAt) {
    List<StreamPoint> live = new ArrayList<>(streams.size());
    for (Iterator<StreamPoint> it = streams.values().iterator(); it.hasNext(); ) {
      StreamPoint s = it.next();
      if (!isForgotten(s, lastWatermarkMillis)) {
        live.add(s);
      }
    }
    live.sort(Comparator.comparingLong(StreamPoint::stream));
    return new MetricStreamDocument(
        existing == null ? MetricWindows.streamsIdOf(tenantId, partition) : existing.id(),
        tenantId, MetricStreamDocument.SIGNAL, partition, live, lastSequenceNumber,
        (existing == null ? 0 : existing.version()) + 1, writtenAt);
  }
}
