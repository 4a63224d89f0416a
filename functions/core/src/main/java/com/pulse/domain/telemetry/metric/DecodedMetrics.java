package com.pulse.domain.telemetry.metric;

import com.fasterxml.jackson.core.JsonFactory;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.internal.decode.BodyEncoding;
import com.pulse.domain.telemetry.internal.decode.DataPoint;
import com.pulse.domain.telemetry.internal.decode.OtlpMetricsJsonDecoder;
import com.pulse.domain.telemetry.internal.decode.OtlpMetricsProtobufDecoder;
import com.pulse.domain.telemetry.internal.decode.PointBuffer;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The OTLP metric data points of one batch, decoded and kept in memory (pooled holders, reused for
 * the next batch of the same thread) through the three steps of {@code AggregateMetricBatch}:
 * {@link #decode} each event, {@link #convert} cumulative points to increases against the stream
 * state, {@link #fold} into window deltas (again, restricted by a sequence floor, for a partly applied
 * document: the increases are already computed, so nothing is decoded twice).
 *
 * <p>Encodings by {@code content-type} (case and parameters ignored): {@code application/x-protobuf}
 * → OTLP protobuf {@code ExportMetricsServiceRequest}; {@code application/json} → OTLP/JSON; none
 * (the Collector's kafka exporter) → JSON if the body starts with {@code {} after blanks, else
 * protobuf (then JSON if protobuf fails and a JSON object follows leading line feeds).
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class DecodedMetrics {
  private final MetricDimensions dimensions;
  private final PointBuffer points;
  private OtlpMetricsProtobufDecoder protobuf;
  private OtlpMetricsJsonDecoder json;
  private long baseline;
  private long stale;
  private long streamLimit;
  private long duplicate;

  /** @throws NullPointerException if {@code dimensions} is null */
  public DecodedMetrics(MetricDimensions dimensions) {
    this.dimensions = Objects.requireNonNull(dimensions, "dimensions");
    this.points = new PointBuffer(dimensions.names().size());
  }

  /** The kept dimensions. */
  public MetricDimensions dimensions() {
    return dimensions;
  }

  /** Forgets the previous batch. */
  public void clear() {
    points.clear();
    baseline = 0;
    stale = 0;
    streamLimit = 0;
    duplicate = 0;
  }

  /**
   * Decodes one event and appends its points; all-or-nothing.
   *
   * @param contentType the event's content type, or null
   * @param sequenceNumber the event's sequence number
   * @param watermarkMillis the partition watermark at the event
   * @param newestEnqueuedMillis the partition's newest enqueued time at the event
   * @return the number of points
   * @throws IllegalArgumentException if the event cannot be decoded or attributed (the dead-letter
   *     reason), has an unsupported content type, or holds no data point
   */
  public int decode(String contentType, byte[] body, long sequenceNumber, long watermarkMillis, long newestEnqueuedMillis) {
    int from = points.mark();
    int n = decodeBody(contentType, body);
    if (n == 0) {
      throw new IllegalArgumentException("no records: the body holds no metric data point"
          + " (an OTLP traces or logs request on the metrics hub?)");
    }
    for (int i = from; i < points.size(); i++) {
      DataPoint p = points.get(i);
      p.sequenceNumber = sequenceNumber;
      p.watermarkMillis = watermarkMillis;
      p.newestEnqueuedMillis = newestEnqueuedMillis;
    }
    return n;
  }

  private int decodeBody(String contentType, byte[] body) {
    BodyEncoding encoding = BodyEncoding.ofContentType(contentType);
    if (encoding == null) {
      return BodyEncoding.decodeDetected(body, points, (b, s) -> json().decode(b, s), (b, s) -> protobuf().decode(b, s),
          false);
    }
    return encoding == BodyEncoding.JSON ? json().decode(body, points) : protobuf().decode(body, points);
  }

  private OtlpMetricsProtobufDecoder protobuf() {
    if (protobuf == null) {
      protobuf = new OtlpMetricsProtobufDecoder(dimensions.names());
    }
    return protobuf;
  }

  private OtlpMetricsJsonDecoder json() {
    if (json == null) {
      json = new OtlpMetricsJsonDecoder(new JsonFactory(), dimensions.names());
    }
    return json;
  }

  /** Decoded points of the batch. */
  public int size() {
    return points.size();
  }

  /** Tenants with at least one cumulative point (they need their stream state). */
  public Set<String> cumulativeTenants() {
    Set<String> tenants = new LinkedHashSet<>();
    for (int i = 0; i < points.size(); i++) {
      DataPoint p = points.get(i);
      if (p.temporality == DataPoint.CUMULATIVE) {
        tenants.add(p.tenantId);
      }
    }
    return tenants;
  }

  /**
   * Sets every point's increase: delta points and gauges are their own; cumulative points are
   * differenced by their tenant's {@link StreamStates} (which must hold every tenant of
   * {@link #cumulativeTenants}), in event order.
   */
  public void convert(Map<String, StreamStates> states) {
    for (int i = 0; i < points.size(); i++) {
      DataPoint p = points.get(i);
      if (p.temporality == DataPoint.CUMULATIVE) {
        StreamStates s = states.get(p.tenantId);
        s.convert(p);
        switch (p.outcome) {
          case DataPoint.BASELINE -> baseline++;
          case DataPoint.STALE -> stale++;
          case DataPoint.STREAM_LIMIT -> streamLimit++;
          case DataPoint.DUPLICATE -> duplicate++;
          default -> { }
        }
      } else if ((p.flags & DataPoint.FLAG_NO_RECORDED_VALUE) != 0) {
        p.outcome = DataPoint.STALE;
        stale++;
      } else {
        p.deltaIsValue();
        p.outcome = DataPoint.FOLD;
      }
    }
  }

  /**
   * Re-runs the cumulative step of one tenant against a newer stored state (after its state document
   * changed under this batch): only the state matters then, the windows were written.
   */
  public void reconvert(String tenantId, StreamStates state) {
    for (int i = 0; i < points.size(); i++) {
      DataPoint p = points.get(i);
      if (p.temporality == DataPoint.CUMULATIVE && p.tenantId.equals(tenantId)) {
        state.convert(p);
      }
    }
  }

  /**
   * Folds the converted points into window deltas.
   *
   * @param floor per-document sequence floor (null: none)
   */
  public MetricWindowAggregator fold(LatenessPolicy policy, MetricWindowAggregator.SequenceFloor floor) {
    MetricWindowAggregator aggregator = new MetricWindowAggregator(policy, dimensions.names(), floor);
    for (int i = 0; i < points.size(); i++) {
      aggregator.fold(points.get(i));
    }
    return aggregator;
  }

  /** Cumulative first points that only set a baseline. */
  public long baseline() {
    return baseline;
  }

  /** Points with no recorded value or not newer than their stream's last point. */
  public long stale() {
    return stale;
  }

  /** Cumulative points of streams beyond {@link StreamStates#MAX_STREAMS}. */
  public long streamLimit() {
    return streamLimit;
  }

  /** Cumulative points of events the stream state already held (redelivery). */
  public long duplicate() {
    return duplicate;
  }
}
