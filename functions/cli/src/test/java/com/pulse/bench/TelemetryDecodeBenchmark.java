package com.pulse.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.pulse.domain.telemetry.RequestSink;
import com.pulse.domain.telemetry.TelemetryDecoder;
import com.pulse.domain.telemetry.aggregate.WindowAggregator;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread throughput of telemetry decoding + window aggregation, in requests (Pulse JSON
 * events or OTLP spans) per second: one operation = one request, since each invocation processes
 * the whole corpus of {@link TelemetryCorpus#REQUESTS} requests (so {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is bytes per request). Beside it, on the same bytes: the decoder alone
 * (counting sink), the bare parse (a Jackson streaming token walk; protobuf-java {@code parseFrom})
 * and a naive baseline ({@link NaiveTelemetryAggregation}). How to run it and its
 * results: docs/PERFORMANCE.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TelemetryDecodeBenchmark {

  /** Body format. */
  public enum Format {
    PULSE_JSON("application/json"),
    OTLP_JSON("application/json"),
    OTLP_PROTOBUF("application/x-protobuf");

    final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }
  }

  @Param({"PULSE_JSON", "OTLP_JSON", "OTLP_PROTOBUF"})
  public Format format;

  private byte[][] bodies;
  private TelemetryDecoder decoder;
  private final JsonFactory jsonFactory = new JsonFactory();
  private final NaiveTelemetryAggregation naive = new NaiveTelemetryAggregation();
  private WindowAggregator aggregator;
  private long sequenceNumber;

  /** Counts requests without keeping them: the decoder's cost alone. */
  private static final class CountingSink implements RequestSink {
    long requests;
    double latencySum;

    @Override
    public void request(String tenantId, String service, String operation, long startEpochMillis,
        double durationMs, boolean error, CharSequence userId) {
      requests++;
      latencySum += durationMs;
    }

    @Override
    public void dependency(String tenantId, String service, String dependency, String operation, long startEpochMillis,
        double durationMs, boolean error) {
      requests++;
      latencySum += durationMs;
    }

    @Override
    public void internalSpan(String tenantId, String service) {
      requests++;
    }
  }

  private final CountingSink counting = new CountingSink();

  @Setup(Level.Trial)
  public void createCorpus() {
    TelemetryCorpus corpus = new TelemetryCorpus(42);
    bodies = switch (format) {
      case PULSE_JSON -> corpus.pulseJson();
      case OTLP_JSON -> corpus.otlp(true);
      case OTLP_PROTOBUF -> corpus.otlp(false);
    };
    decoder = new TelemetryDecoders().forContentType(format.contentType);
    int total = 0;
    for (byte[] body : bodies) {
      total += decoder.decode(body, counting);
    }
    if (total != TelemetryCorpus.REQUESTS) {
      throw new IllegalStateException("corpus holds " + total + " requests, not " + TelemetryCorpus.REQUESTS);
    }
  }

  /**
   * One aggregator per trial: its windows are created during warm-up and then only updated, the
   * steady state of a long-running host. The naive map is reset per iteration (it grows per request).
   */
  @Setup(Level.Iteration)
  public void resetState() {
    if (aggregator == null) {
      aggregator = new WindowAggregator();
    }
    naive.reset();
  }

  @Benchmark
  @OperationsPerInvocation(TelemetryCorpus.REQUESTS)
  public long decodeAndAggregate() {
    int n = 0;
    for (byte[] body : bodies) {
      aggregator.beginEvent(sequenceNumber++, Long.MIN_VALUE);
      n += decoder.decode(body, aggregator);
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(TelemetryCorpus.REQUESTS)
  public long decodeOnly() {
    int n = 0;
    for (byte[] body : bodies) {
      n += decoder.decode(body, counting);
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(TelemetryCorpus.REQUESTS)
  public void bareParse(Blackhole bh) throws IOException {
    if (format == Format.OTLP_PROTOBUF) {
      for (byte[] body : bodies) {
        bh.consume(ExportTraceServiceRequest.parseFrom(body));
      }
      return;
    }
    for (byte[] body : bodies) {
      try (JsonParser p = jsonFactory.createParser(body)) {
        while (p.nextToken() != null) {
          bh.consume(p.currentTokenId());
        }
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(TelemetryCorpus.REQUESTS)
  public long naiveBaseline() throws IOException {
    long n = 0;
    for (byte[] body : bodies) {
      n += switch (format) {
        case PULSE_JSON -> naive.pulseJson(body);
        case OTLP_JSON -> naive.otlpJson(body);
        case OTLP_PROTOBUF -> naive.otlpProtobuf(body);
      };
    }
    return n;
  }
}
