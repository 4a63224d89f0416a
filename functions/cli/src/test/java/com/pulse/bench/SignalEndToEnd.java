package com.pulse.bench;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryLogWindowStore;
import com.pulse.adapter.local.InMemoryMetricWindowStore;
import com.pulse.adapter.local.InMemoryPartitionProgressStore;
import com.pulse.app.telemetry.AggregateLogBatch;
import com.pulse.app.telemetry.AggregateMetricBatch;
import com.pulse.app.telemetry.DeferralPolicy;
import com.pulse.app.telemetry.DeferredLogAggregation;
import com.pulse.app.telemetry.DeferredMetricAggregation;
import com.pulse.app.telemetry.LogBatchResult;
import com.pulse.app.telemetry.MetricBatchResult;
import com.pulse.app.telemetry.PartitionSource;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.log.LogAggregator;
import com.pulse.domain.telemetry.log.LogDecoder;
import com.pulse.domain.telemetry.log.LogDecoders;
import com.pulse.domain.telemetry.log.OtlpLogs;
import com.pulse.domain.telemetry.metric.DecodedMetrics;
import com.pulse.domain.telemetry.metric.MetricDimensions;
import com.pulse.domain.telemetry.metric.MetricWindowAggregator;
import com.pulse.domain.telemetry.metric.StreamStates;
import com.pulse.testing.OtlpMetricRequests;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.resources.Resource;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The logs and OTLP metrics hubs' function path end to end beside their decode + fold, in ONE JVM on
 * the same events, per signal, body format and number of keys: log records or metric data points per
 * CPU-second of the measuring thread ({@link java.lang.management.ThreadMXBean#getCurrentThreadCpuTime},
 * so other processes on a shared machine do not count). The companion of {@link EndToEndThroughput}
 * (the traces hub), measured the same way.
 *
 * <ul>
 *   <li>{@code endToEnd}: {@link AggregateLogBatch} / {@link AggregateMetricBatch} over batches of
 *       {@code -Dbatch=N} (default 256) events — decode, fold (metrics: read the stream states and
 *       difference the cumulative points first), read, merge, write the window documents (metrics:
 *       and the stream-state documents), build and serialize the ADX export rows, one per changed
 *       series of each version ({@link SerializingExport}, as {@code EventHubsMetricExport} does) —
 *       with the in-memory store ({@link InMemoryLogWindowStore} / {@link InMemoryMetricWindowStore})
 *       behind {@link CosmosJsonSignalStores}, which pays the Cosmos DB adapter's and SDK's JSON of
 *       every document written and read ({@code -Dstores=memory}: without it), a fresh store and use
 *       case per pass;
 *   <li>{@code endToEndHeld}: the same through {@link DeferredLogAggregation} /
 *       {@link DeferredMetricAggregation}, as {@code EndToEndThroughput.endToEndHeld} runs it:
 *       {@link DeferralPolicy#DEFAULT} ({@code -DholdMaxEvents=N}, {@code -DholdMaxSeries=N} for other bounds), an
 *       {@link InMemoryPartitionProgressStore}, a {@link PartitionSource} that throws (a fresh pass
 *       never recovers), a fixed clock; every batch but the last is full, as under a backlog, so the
 *       events of up to {@code eventsBound(NaN)} (or {@code maxBytes}) of them are written together (logs and metrics
 *       report no series, so their hold is that of a partition's first write, {@code maxSeries / 2});
 *   <li>{@code decodeFold}: the decoders and the aggregator alone, a fresh one per pass, as
 *       {@link LogThroughput} and {@link OtlpMetricsBenchmark} run them: logs, {@link LogDecoders}
 *       into one {@link LogAggregator} event by event; metrics, {@link DecodedMetrics} batch by batch
 *       ({@code -Dbatch=N} events, as {@code endToEnd} decodes them), the cumulative step against {@link StreamStates} carried from batch to batch
 *       (empty at the start), a fold per batch.
 * </ul>
 *
 * <p>Each pass builds its own use case over a fresh store; every metrics use case on a thread shares
 * that thread's decoded-point pool ({@code AggregateMetricBatch}), as the function's one use case does.
 *
 * <p>Every pass checks conservation and throws if it fails: every record or point of the corpus
 * decoded and aggregated, none dead-lettered, expired, out of range or (metrics) baseline, stale or
 * beyond a limit; so a variant cannot measure nothing.
 *
 * <p>Corpora (seed 42; {@code events} events, {@code -DperEvent=N} records or points each, default
 * {@value #DEFAULT_PER_EVENT}; event times advance evenly over 10 minutes, as in {@link KeyedCorpus};
 * enqueued 2.5 s after an event's newest time and never before the previous event's; content type
 * {@code application/x-protobuf} or {@code application/json}, as the functions receive it):
 *
 * <ul>
 *   <li><b>logs</b>, keys = log series (tenant × service × severity): key {@code k} is tenant
 *       {@code k / 50}, service {@code (k / 5) % 10}, severity {@code k % 5} (DEBUG, INFO, WARN, ERROR,
 *       FATAL). One OpenTelemetry SDK-made {@code ExportLogsServiceRequest} per event ({@link OtlpLogs},
 *       the SDK's OTLP marshaler), one resource (tenant, service) picked uniformly, records of the
 *       five severities 18/58/12/10/2 %, bodies as in {@link LogThroughput} (ERROR and FATAL with a
 *       dozen message shapes, templated), times up to 2 s before the event's time. With 100,000 keys
 *       (20,000 resources) a corpus shorter than several events per resource does not touch every
 *       key: the header prints the series the corpus holds.
 *   <li><b>metrics</b>, keys = metric streams (tenant × metric × attribute set): stream {@code k} is
 *       tenant {@code k / 50}, metric {@code k % 5}, {@code http.route} {@code (k / 5) % 10} (with
 *       {@code http.request.method=GET}, both kept dimensions, so a stream is a series): a cumulative
 *       counter, a gauge, a cumulative explicit histogram (9 buckets), a delta counter and a delta
 *       exponential histogram. One {@code ExportMetricsServiceRequest} per event, of one tenant picked
 *       uniformly, made by the SDK's marshaler from SDK metric data ({@link OtlpMetricRequests}), its
 *       points drawn uniformly from the tenant's streams (at most 50; with 10 keys a request holds
 *       each stream about four times, at increasing times, as a collector's batch of several
 *       exports would); cumulative streams start 10 s before their first point, so every point is
 *       aggregated (none is a baseline or stale).
 * </ul>
 *
 * <p>Prints records or points per CPU-second (median of three rounds, range), and for the end-to-end
 * variants window-document writes per 1,000 events ({@code documentsWritten()}) and, for metrics,
 * stream-state document writes per 1,000 events; then export rows and bytes per event, and the
 * documents the store holds after the pass.
 *
 * <p>Usage: {@code java -cp ... com.pulse.bench.SignalEndToEnd [events] [measureCpuMillis] [filter]};
 * the filter is a substring of {@code SIGNAL/FORMAT/keys/variant}, e.g. {@code logs/OTLP_JSON/1000/}
 * or {@code metrics/} or {@code /endToEndHeld}. Keep {@code events} off a multiple of the batch
 * size: the held variant writes its last events with the first batch that is not full.
 */
public final class SignalEndToEnd {
  static final int BATCH = Integer.getInteger("batch", 256);
  /**
   * Whether the stores pay the Cosmos DB adapter's and SDK's JSON per document ({@link CosmosJsonSignalStores},
   * the default, as the functions run against Cosmos DB) or not ({@code -Dstores=memory}).
   */
  static final boolean COSMOS_JSON = !"memory".equals(System.getProperty("stores"));
  static final int DEFAULT_PER_EVENT = 40;
  static final int PER_EVENT = Integer.getInteger("perEvent", DEFAULT_PER_EVENT);
  /** The policy of {@code endToEndHeld}: {@link EndToEndThroughput#HOLD}. */
  static final DeferralPolicy HOLD = EndToEndThroughput.HOLD;
  /** Event times span 10 minutes. */
  static final long SPAN_MILLIS = KeyedCorpus.SPAN_MILLIS;
  private static final long BASE_MILLIS = Instant.parse("2026-11-21T05:00:00Z").toEpochMilli();
  private static final int[] KEYS = {10, 1_000, 100_000};
  private static final String[] VARIANTS = {"endToEnd", "endToEndHeld", "decodeFold"};
  private static final LatenessPolicy POLICY = LatenessPolicy.of(Duration.ofMinutes(5));
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);
  private static final PartitionSource NEVER = (p, from, until) -> {
    throw new IllegalStateException("a fresh pass never recovers");
  };

  /** Body encodings, as the functions receive them. */
  enum Format {
    OTLP_PROTOBUF("application/x-protobuf"),
    OTLP_JSON("application/json");

    final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }
  }

  private SignalEndToEnd() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long measureNanos = (args.length > 1 ? Long.parseLong(args[1]) : 1_500) * 1_000_000L;
    String filter = args.length > 2 ? args[2] : "";
    System.out.printf(Locale.ROOT, "%d events of %d records/points, batches of %d, hold %d events / %d MiB, stores %s%n",
        events, PER_EVENT, BATCH, HOLD.eventsBound(Double.NaN), HOLD.maxBytes() >> 20,
        COSMOS_JSON ? "with Cosmos JSON" : "in memory");
    System.out.printf(Locale.ROOT, "%-8s %-14s %7s %-13s %14s %12s %12s%n", "signal", "format", "keys", "variant",
        "units/cpu-s", "writes/1k ev", "state/1k ev");
    for (String signal : new String[] {"logs", "metrics"}) {
      for (Format format : Format.values()) {
        for (int keys : KEYS) {
          String prefix = signal + "/" + format + "/" + keys + "/";
          if (Arrays.stream(VARIANTS).noneMatch(v -> (prefix + v).contains(filter))) {
            continue;
          }
          Variants v = signal.equals("logs") ? new LogVariants(logCorpus(format, keys, events, 42))
              : new MetricVariants(metricCorpus(format, keys, events, 42));
          System.out.printf(Locale.ROOT, "%s: %s%n", prefix, v.corpus.describe());
          run(prefix, "endToEnd", () -> v.endToEnd(false), v, filter, measureNanos, true);
          run(prefix, "endToEndHeld", () -> v.endToEnd(true), v, filter, measureNanos, true);
          run(prefix, "decodeFold", v::decodeFold, v, filter, measureNanos, false);
        }
      }
    }
  }

  private static void run(String prefix, String variant, Callable<Long> pass, Variants v, String filter,
      long measureNanos, boolean writes) throws Exception {
    if (!(prefix + variant).contains(filter)) {
      return;
    }
    double[] rates = EndToEndThroughput.rates(pass, v.corpus.units, measureNanos);
    String[] p = prefix.split("/");
    double events = v.corpus.events.size();
    System.out.printf(Locale.ROOT, "%-8s %-14s %7s %-13s %14.0f %12s %12s   (%.0f .. %.0f)%n", p[0], p[1], p[2],
        variant, rates[1], writes ? String.format(Locale.ROOT, "%.0f", 1000.0 * v.windowWrites / events) : "",
        writes && v.stateWrites >= 0 ? String.format(Locale.ROOT, "%.0f", 1000.0 * v.stateWrites / events) : "",
        rates[0], rates[2]);
    if (writes) {
      System.out.printf(Locale.ROOT, "    export rows/1k ev %.0f, export bytes/event %.0f, writes %d in %d calls; %s%n",
          1000.0 * v.exportRows / events, v.exportBytes / events, v.windowWrites, v.writingCalls, v.stored);
    }
  }

  /** One corpus: the events, and the records or points they hold. */
  record Corpus(Format format, int keys, List<TelemetryEvent> events, long units, int series, long bytes,
      String unitName) {
    String describe() {
      return String.format(Locale.ROOT, "%d events, %d %s, %d distinct %s, %.0f body bytes/%s", events.size(), units,
          unitName, series, unitName.equals("records") ? "log series" : "streams", (double) bytes / units,
          unitName.equals("records") ? "record" : "point");
    }
  }

  /** The variants over one corpus, and what the last end-to-end pass wrote. */
  private abstract static class Variants {
    final Corpus corpus;
    long windowWrites;
    /** Stream-state writes of the last pass; -1 for logs (none). */
    long stateWrites = -1;
    long exportRows;
    long exportBytes;
    /** Use-case calls that wrote (not held). */
    long writingCalls;
    String stored = "";

    Variants(Corpus corpus) {
      this.corpus = corpus;
    }

    abstract long endToEnd(boolean held);

    abstract long decodeFold();

    void check(boolean ok, String what) {
      if (!ok) {
        throw new IllegalStateException(corpus.format() + "/" + corpus.keys() + ": " + what
            + (corpus.events().size() % BATCH == 0 ? " (events a multiple of the batch: the last batch is full and held)"
                : ""));
      }
    }
  }

  private static final class LogVariants extends Variants {
    private final LogDecoder decoder;

    LogVariants(Corpus corpus) {
      super(corpus);
      this.decoder = new LogDecoders().forContentType(corpus.format().contentType);
    }

    @Override
    long endToEnd(boolean held) {
      InMemoryLogWindowStore store = new InMemoryLogWindowStore();
      SerializingExport export = new SerializingExport();
      AggregateLogBatch aggregate = AggregateLogBatch.withPulseDecoders(
          COSMOS_JSON ? CosmosJsonSignalStores.logs(store) : store, new InMemoryDeadLetterStore(), export, POLICY, CLOCK);
      Function<TelemetryBatch, LogBatchResult> useCase = held
          ? new DeferredLogAggregation(aggregate, NEVER, new InMemoryPartitionProgressStore(), "logs", HOLD, CLOCK)::handle
          : aggregate::handle;
      List<TelemetryEvent> events = corpus.events();
      long records = 0;
      long dropped = 0;
      long written = 0;
      long calls = 0;
      for (int i = 0; i < events.size(); i += BATCH) {
        LogBatchResult r = useCase.apply(new TelemetryBatch("0", events.subList(i, Math.min(events.size(), i + BATCH))));
        records += r.records();
        dropped += r.deadLettered() + r.expired() + r.outOfRange() + r.duplicateRecords() + r.unrecoverableEvents();
        written += r.documentsWritten();
        calls += r.events() > 0 ? 1 : 0;
      }
      check(records == corpus.units() && dropped == 0,
          "aggregated " + records + " of " + corpus.units() + " records, " + dropped + " dropped or dead-lettered");
      windowWrites = written;
      exportRows = export.rows;
      exportBytes = export.bytes;
      writingCalls = calls;
      List<com.pulse.domain.telemetry.log.LogWindowDocument> all = store.all();
      long minutes = all.stream().filter(d -> d.granularity().equals("PT1M")).count();
      stored = String.format(Locale.ROOT, "stored %d minute + %d hour docs, %.1f series/doc", minutes,
          all.size() - minutes, all.stream().mapToInt(d -> d.series().size()).average().orElse(0));
      return records + export.bytes;
    }

    @Override
    long decodeFold() {
      LogAggregator aggregator = new LogAggregator(POLICY, null);
      long n = 0;
      long maxEnqueued = Long.MIN_VALUE;
      for (TelemetryEvent e : corpus.events()) {
        maxEnqueued = Math.max(maxEnqueued, e.enqueuedTime().toEpochMilli());
        aggregator.beginEvent(e.sequenceNumber(), POLICY.watermark(maxEnqueued));
        n += decoder.decode(e.body(), aggregator);
      }
      check(n == corpus.units() && aggregator.records() == n,
          "decoded " + n + ", aggregated " + aggregator.records() + " of " + corpus.units() + " records");
      return n + aggregator.accumulators().size();
    }
  }

  private static final class MetricVariants extends Variants {
    /** The decoded points of {@code decodeFold}: one batch at a time. */
    private final DecodedMetrics decoded = new DecodedMetrics(MetricDimensions.DEFAULT);

    MetricVariants(Corpus corpus) {
      super(corpus);
    }

    @Override
    long endToEnd(boolean held) {
      InMemoryMetricWindowStore store = new InMemoryMetricWindowStore();
      SerializingExport export = new SerializingExport();
      AggregateMetricBatch aggregate = new AggregateMetricBatch(MetricDimensions.DEFAULT,
          COSMOS_JSON ? CosmosJsonSignalStores.metrics(store) : store, new InMemoryDeadLetterStore(), export, POLICY,
          CLOCK);
      Function<TelemetryBatch, MetricBatchResult> useCase = held
          ? new DeferredMetricAggregation(aggregate, NEVER, new InMemoryPartitionProgressStore(), "metrics", HOLD,
              CLOCK)::handle
          : aggregate::handle;
      List<TelemetryEvent> events = corpus.events();
      long points = 0;
      long aggregated = 0;
      long dropped = 0;
      long written = 0;
      long states = 0;
      long calls = 0;
      for (int i = 0; i < events.size(); i += BATCH) {
        MetricBatchResult r = useCase.apply(new TelemetryBatch("0", events.subList(i, Math.min(events.size(), i + BATCH))));
        points += r.points();
        aggregated += r.aggregated();
        dropped += r.deadLettered() + r.notAggregated() + r.duplicate() + r.overflow() + r.seriesLimit()
            + r.unrecoverableEvents();
        written += r.documentsWritten();
        states += r.streamDocumentsWritten();
        calls += r.events() > 0 ? 1 : 0;
      }
      check(points == corpus.units() && aggregated == points && dropped == 0, "decoded " + points + ", aggregated "
          + aggregated + " of " + corpus.units() + " points, " + dropped + " dropped, overflowed or dead-lettered");
      windowWrites = written;
      stateWrites = states;
      exportRows = export.rows;
      exportBytes = export.bytes;
      writingCalls = calls;
      var all = store.allWindows();
      long minutes = all.stream().filter(d -> d.granularity().equals("PT1M")).count();
      stored = String.format(Locale.ROOT, "stored %d minute + %d hour docs, %.1f series/doc, %d stream-state docs",
          minutes, all.size() - minutes, all.stream().mapToInt(d -> d.series().size()).average().orElse(0),
          store.allStreams().size());
      return aggregated + export.bytes;
    }

    /**
     * Decode, cumulative step and fold, batch by batch ({@link #BATCH} events; the stream states carry
     * over, as the stored ones would), as {@code endToEnd} decodes and folds them.
     */
    @Override
    long decodeFold() {
      List<TelemetryEvent> events = corpus.events();
      Map<String, StreamStates> states = new HashMap<>();
      long maxEnqueued = Long.MIN_VALUE;
      long n = 0;
      long aggregated = 0;
      long accumulators = 0;
      for (int i = 0; i < events.size(); i += BATCH) {
        decoded.clear();
        for (TelemetryEvent e : events.subList(i, Math.min(events.size(), i + BATCH))) {
          maxEnqueued = Math.max(maxEnqueued, e.enqueuedTime().toEpochMilli());
          n += decoded.decode(e.contentType(), e.body(), e.sequenceNumber(), POLICY.watermark(maxEnqueued), maxEnqueued);
        }
        for (String t : decoded.cumulativeTenants()) {
          states.computeIfAbsent(t, x -> new StreamStates(x, null));
        }
        decoded.convert(states);
        MetricWindowAggregator aggregator = decoded.fold(POLICY, null);
        aggregated += aggregator.aggregated();
        accumulators += aggregator.accumulators().size();
      }
      check(n == corpus.units() && aggregated == n,
          "decoded " + n + ", aggregated " + aggregated + " of " + corpus.units() + " points");
      return n + accumulators;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // corpora

  private static final Severity[] SEVERITIES = {Severity.DEBUG, Severity.INFO, Severity.WARN, Severity.ERROR,
      Severity.FATAL};
  /** Cumulative percentages of {@link #SEVERITIES}: 18/58/12/10/2. */
  private static final int[] SEVERITY_CDF = {18, 76, 88, 98, 100};
  private static final String[] SHAPES = {"payment %d declined by 'bank-%d'", "order %d failed: timeout after %dms",
      "user %d not found", "db connection reset (pool %d)", "upstream returned %d", "retry %d of 5 failed"};

  /** {@code count} events of {@link #PER_EVENT} OTLP log records over {@code keys} log series. */
  static Corpus logCorpus(Format format, int keys, int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<TelemetryEvent> events = new ArrayList<>(count);
    Set<Integer> series = new HashSet<>();
    long records = 0;
    long bytes = 0;
    long lastEnqueued = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      long eventMillis = BASE_MILLIS + SPAN_MILLIS * i / count;
      int base = r.nextInt(keys) / 5 * 5;
      int tenant = base / 50;
      int service = (base / 5) % 10;
      Resource resource = OtlpLogs.resource("service-" + service, String.format(Locale.ROOT, "tenant-%05d", tenant));
      OtlpLogs logs = new OtlpLogs();
      long newest = Long.MIN_VALUE;
      for (int j = 0; j < PER_EVENT; j++) {
        int p = r.nextInt(100);
        int s = 0;
        while (p >= SEVERITY_CDF[s]) {
          s++;
        }
        s = Math.min(s, keys - 1 - base); // 10 keys and fewer: only the keys there are
        series.add(base + s);
        Severity severity = SEVERITIES[s];
        String body = severity.getSeverityNumber() >= Severity.ERROR.getSeverityNumber()
            ? String.format(Locale.ROOT, SHAPES[r.nextInt(SHAPES.length)], r.nextInt(100_000), r.nextInt(100))
            : "handled request " + r.nextInt(10_000) + " in " + r.nextInt(500) + " ms";
        long t = eventMillis - r.nextLong(2_000);
        newest = Math.max(newest, t);
        logs.log(resource, severity, body, t * 1_000_000L);
      }
      List<LogRecordData> data = logs.records();
      byte[] body = format == Format.OTLP_JSON ? OtlpLogs.json(data) : OtlpLogs.protobuf(data);
      long enqueued = Math.max(lastEnqueued, newest + 2_500);
      lastEnqueued = enqueued;
      events.add(new TelemetryEvent(body, i, Long.toString(i * 300L), Instant.ofEpochMilli(enqueued),
          format.contentType, Map.of()));
      records += data.size();
      bytes += body.length;
    }
    return new Corpus(format, keys, events, records, series.size(), bytes, "records");
  }

  private static final String[] METRICS = {"http.server.request.count", "http.server.active_requests",
      "http.server.request.duration", "http.client.request.count", "rpc.server.duration"};
  private static final List<Double> BOUNDS = List.of(5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0);
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final int STREAMS_PER_TENANT = 50;

  /** State of one cumulative stream while the corpus is made. */
  private static final class Cumulative {
    long startNanos;
    double value;
    double sum;
    final long[] counts = new long[BOUNDS.size() + 1];
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
  }

  /** {@code count} events of {@link #PER_EVENT} OTLP data points over {@code keys} metric streams. */
  static Corpus metricCorpus(Format format, int keys, int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<TelemetryEvent> events = new ArrayList<>(count);
    Map<Integer, Cumulative> cumulative = new HashMap<>();
    Set<Integer> streams = new HashSet<>();
    Attributes[] attributes = new Attributes[10];
    for (int a = 0; a < attributes.length; a++) {
      attributes[a] = Attributes.of(ROUTE, "/api/v1/op" + a, METHOD, "GET");
    }
    long points = 0;
    long bytes = 0;
    long lastEnqueued = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      long eventNanos = (BASE_MILLIS + SPAN_MILLIS * i / count) * 1_000_000L;
      int base = r.nextInt(keys) / STREAMS_PER_TENANT * STREAMS_PER_TENANT;
      int tenant = base / STREAMS_PER_TENANT;
      Resource resource = OtlpMetricRequests.resource("service-" + tenant % 5,
          String.format(Locale.ROOT, "tenant-%05d", tenant));
      List<List<Object>> byMetric = new ArrayList<>();
      for (int m = 0; m < METRICS.length; m++) {
        byMetric.add(new ArrayList<>());
      }
      for (int j = 0; j < PER_EVENT; j++) {
        int k = Math.min(keys - 1, base + r.nextInt(Math.min(STREAMS_PER_TENANT, keys)));
        streams.add(k);
        int metric = k % 5;
        Attributes a = attributes[(k / 5) % 10];
        long t = eventNanos + j * 1_000L; // a stream's points strictly newer, within and across events
        byMetric.get(metric).add(switch (metric) {
          case 0 -> {
            Cumulative c = cumulative.computeIfAbsent(k, x -> new Cumulative());
            if (c.startNanos == 0) {
              c.startNanos = t - 10_000_000_000L;
            }
            c.value += 1 + r.nextInt(20);
            yield OtlpMetricRequests.point(c.startNanos, t, a, c.value);
          }
          case 1 -> OtlpMetricRequests.point(0, t, a, r.nextInt(100));
          case 2 -> {
            Cumulative c = cumulative.computeIfAbsent(k, x -> new Cumulative());
            if (c.startNanos == 0) {
              c.startNanos = t - 10_000_000_000L;
            }
            for (int v = 1 + r.nextInt(5); v > 0; v--) {
              double ms = Math.round(Math.exp(Math.log(20) + 0.8 * gaussian(r)) * 10) / 10.0;
              c.sum += ms;
              c.min = Math.min(c.min, ms);
              c.max = Math.max(c.max, ms);
              int b = 0;
              while (b < BOUNDS.size() && ms > BOUNDS.get(b)) {
                b++;
              }
              c.counts[b]++;
            }
            yield OtlpMetricRequests.histogramPoint(c.startNanos, t, a, c.sum, c.min, c.max, BOUNDS,
                Arrays.stream(c.counts).boxed().toList());
          }
          case 3 -> OtlpMetricRequests.point(t - 1_000_000_000L, t, a, 1 + r.nextInt(20));
          default -> {
            List<Long> buckets = List.of((long) r.nextInt(4), (long) r.nextInt(4), 1L + r.nextInt(3));
            long n = buckets.stream().mapToLong(Long::longValue).sum();
            yield OtlpMetricRequests.exponentialPoint(t - 1_000_000_000L, t, a, 2, 7.0 * n, 0, 5, 9, 9 + r.nextInt(4),
                buckets);
          }
        });
      }
      List<MetricData> metrics = new ArrayList<>();
      for (int m = 0; m < METRICS.length; m++) {
        List<Object> ps = byMetric.get(m);
        if (ps.isEmpty()) {
          continue;
        }
        metrics.add(switch (m) {
          case 0 -> OtlpMetricRequests.sum(resource, METRICS[m], "{request}", true, true,
              ps.toArray(DoublePointData[]::new));
          case 1 -> OtlpMetricRequests.gauge(resource, METRICS[m], "{request}", ps.toArray(DoublePointData[]::new));
          case 2 -> OtlpMetricRequests.histogram(resource, METRICS[m], "ms", true,
              ps.toArray(HistogramPointData[]::new));
          case 3 -> OtlpMetricRequests.sum(resource, METRICS[m], "{request}", false, true,
              ps.toArray(DoublePointData[]::new));
          default -> OtlpMetricRequests.exponentialHistogram(resource, METRICS[m], "ms", false,
              ps.toArray(ExponentialHistogramPointData[]::new));
        });
      }
      byte[] body = format == Format.OTLP_JSON ? OtlpMetricRequests.json(metrics) : OtlpMetricRequests.protobuf(metrics);
      long newestMillis = (eventNanos + PER_EVENT * 1_000L) / 1_000_000L;
      long enqueued = Math.max(lastEnqueued, newestMillis + 2_500);
      lastEnqueued = enqueued;
      events.add(new TelemetryEvent(body, i, Long.toString(i * 300L), Instant.ofEpochMilli(enqueued),
          format.contentType, Map.of()));
      points += PER_EVENT;
      bytes += body.length;
    }
    return new Corpus(format, keys, events, points, streams.size(), bytes, "points");
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
