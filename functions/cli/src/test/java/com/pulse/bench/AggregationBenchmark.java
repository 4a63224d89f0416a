package com.pulse.bench;

import com.pulse.domain.telemetry.RequestSink;
import com.pulse.domain.telemetry.aggregate.WindowAggregator;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The aggregation step alone: the requests of the Pulse JSON corpus, decoded once up front, replayed
 * into a {@link WindowAggregator}. With {@code -prof gc}, {@code gc.alloc.rate.norm} is the
 * allocation per request of the aggregation step (target: 0 once the windows exist).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AggregationBenchmark {
  private record Request(String tenant, String service, String operation, long start, double ms,
      boolean error, String user) {}

  private Request[] requests;
  private WindowAggregator aggregator;

  @Setup(Level.Trial)
  public void decodeCorpus() {
    List<Request> all = new ArrayList<>();
    RequestSink sink = new RequestSink() {
      @Override
      public void request(String t, String s, String o, long start, double ms, boolean e, CharSequence u) {
        all.add(new Request(t, s, o, start, ms, e, u == null ? null : u.toString()));
      }

      @Override
      public void dependency(String t, String s, String d, String o, long start, double ms, boolean e) {
        throw new IllegalStateException("the Pulse JSON corpus has no dependency calls");
      }

      @Override
      public void internalSpan(String t, String s) {
        throw new IllegalStateException("the Pulse JSON corpus has no spans");
      }
    };
    var decoder = new TelemetryDecoders().forContentType("application/json");
    for (byte[] body : new TelemetryCorpus(42).pulseJson()) {
      decoder.decode(body, sink);
    }
    requests = all.toArray(new Request[0]);
  }

  /** One aggregator per trial: windows are created in warm-up, then only updated (steady state). */
  @Setup(Level.Trial)
  public void newAggregator() {
    aggregator = new WindowAggregator();
    aggregator.beginEvent(1, Long.MIN_VALUE);
  }

  @Benchmark
  @OperationsPerInvocation(TelemetryCorpus.REQUESTS)
  public long aggregate() {
    WindowAggregator a = aggregator;
    for (Request r : requests) {
      a.request(r.tenant, r.service, r.operation, r.start, r.ms, r.error, r.user);
    }
    return a.requests();
  }
}
