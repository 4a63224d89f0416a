package com.pulse.testing;

import com.pulse.app.telemetry.TelemetryEvent;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableDoublePointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableExponentialHistogramBuckets;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableExponentialHistogramData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableGaugeData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableHistogramData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableHistogramPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableMetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableSumData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableSummaryData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableSummaryPointData;
import io.opentelemetry.sdk.resources.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * OTLP {@code ExportMetricsServiceRequest} bodies made by the OpenTelemetry Java SDK's own marshaler
 * ({@link MetricsRequestMarshaler}, the OTLP exporters' code path) from SDK metric data: either
 * collected from a real {@code SdkMeterProvider}, or built point by point with the SDK's immutable
 * data classes when a test needs exact start times, resets or scales. No hand-written bytes.
 */
public final class OtlpMetricRequests {
  private static final InstrumentationScopeInfo SCOPE = InstrumentationScopeInfo.create("pulse-test");

  private OtlpMetricRequests() {}

  /** A resource with {@code service.name}, {@code tenant.id} (null: absent) and a host name. */
  public static Resource resource(String service, String tenant) {
    var b = Attributes.builder().put("host.name", "vm-1").put("service.name", service);
    if (tenant != null) {
      b.put("tenant.id", tenant);
    }
    return Resource.create(b.build());
  }

  /** The OTLP protobuf body of {@code metrics}. */
  public static byte[] protobuf(Collection<MetricData> metrics) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      MetricsRequestMarshaler.create(metrics).writeBinaryTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The OTLP/JSON body of {@code metrics}. */
  public static byte[] json(Collection<MetricData> metrics) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      MetricsRequestMarshaler.create(metrics).writeJsonTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A number point. */
  public static DoublePointData point(long startNanos, long timeNanos, Attributes attributes, double value) {
    return ImmutableDoublePointData.create(startNanos, timeNanos, attributes, value);
  }

  /** A sum metric. */
  public static MetricData sum(Resource r, String name, String unit, boolean cumulative, boolean monotonic,
      DoublePointData... points) {
    return ImmutableMetricData.createDoubleSum(r, SCOPE, name, "", unit,
        ImmutableSumData.create(monotonic, temporality(cumulative), List.of(points)));
  }

  /** A gauge metric. */
  public static MetricData gauge(Resource r, String name, String unit, DoublePointData... points) {
    return ImmutableMetricData.createDoubleGauge(r, SCOPE, name, "", unit, ImmutableGaugeData.create(List.of(points)));
  }

  /** An explicit-bucket histogram point ({@code counts.size() == bounds.size() + 1}). */
  public static HistogramPointData histogramPoint(long startNanos, long timeNanos, Attributes attributes, double sum,
      double min, double max, List<Double> bounds, List<Long> counts) {
    return ImmutableHistogramPointData.create(startNanos, timeNanos, attributes, sum, true, min, true, max, bounds, counts);
  }

  /** An explicit-bucket histogram metric. */
  public static MetricData histogram(Resource r, String name, String unit, boolean cumulative, HistogramPointData... points) {
    return ImmutableMetricData.createDoubleHistogram(r, SCOPE, name, "", unit,
        ImmutableHistogramData.create(temporality(cumulative), List.of(points)));
  }

  /** An exponential-histogram point with positive buckets only. */
  public static ExponentialHistogramPointData exponentialPoint(long startNanos, long timeNanos, Attributes attributes,
      int scale, double sum, long zeroCount, double min, double max, int offset, List<Long> positive) {
    long count = zeroCount + positive.stream().mapToLong(Long::longValue).sum();
    return ImmutableExponentialHistogramPointData.create(scale, sum, zeroCount, true, min, true, max,
        ImmutableExponentialHistogramBuckets.create(scale, offset, positive),
        ImmutableExponentialHistogramBuckets.create(scale, 0, List.of()), startNanos, timeNanos, attributes, List.of());
  }

  /** An exponential-histogram metric. */
  public static MetricData exponentialHistogram(Resource r, String name, String unit, boolean cumulative,
      ExponentialHistogramPointData... points) {
    return ImmutableMetricData.createExponentialHistogram(r, SCOPE, name, "", unit,
        ImmutableExponentialHistogramData.create(temporality(cumulative), List.of(points)));
  }

  /** A summary metric with one point (no quantiles). */
  public static MetricData summary(Resource r, String name, String unit, long startNanos, long timeNanos, long count,
      double sum) {
    return ImmutableMetricData.createDoubleSummary(r, SCOPE, name, "", unit, ImmutableSummaryData.create(
        List.of(ImmutableSummaryPointData.create(startNanos, timeNanos, Attributes.empty(), count, sum, List.of()))));
  }

  /** An event of the metrics hub as the trigger delivers it. */
  public static TelemetryEvent event(long sequenceNumber, Instant enqueued, byte[] body, String contentType) {
    return new TelemetryEvent(body, sequenceNumber, Long.toString(sequenceNumber * 1000), enqueued, contentType, Map.of());
  }

  private static AggregationTemporality temporality(boolean cumulative) {
    return cumulative ? AggregationTemporality.CUMULATIVE : AggregationTemporality.DELTA;
  }
}
