package com.pulse.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.adapter.cosmos.CosmosDocuments;
import com.pulse.adapter.local.InMemoryPartitionProgressStore;
import com.pulse.app.telemetry.AggregateBatch;
import com.pulse.app.telemetry.DeferralPolicy;
import com.pulse.app.telemetry.DeferredAggregation;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.app.telemetry.BatchResult;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import com.pulse.cli.TelemetryReplay;
import com.pulse.domain.telemetry.TelemetryDecoder;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.aggregate.WindowAggregator;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The telemetry path as the Event Hub function runs it, beside its parts and two baselines, in ONE
 * JVM on the same events, per body format and number of keys: requests per CPU-second of the
 * measuring thread ({@link java.lang.management.ThreadMXBean#getCurrentThreadCpuTime}, so other
 * processes on a shared machine do not count; DuckDB with {@code threads=1} runs its pipeline on the
 * calling thread).
 *
 * <ul>
 *   <li>{@code endToEnd}: {@link AggregateBatch} over batches of {@value #BATCH} events — decode, fold,
 *       read, merge, serialize sketches, build and serialize the ADX export rows
 *       ({@link SerializingExport}) — with the in-memory window store, a fresh store per pass;
 *   <li>{@code endToEndCosmosJson}: the same with {@link CosmosJsonWindowStore}, which also pays the
 *       Cosmos DB adapter's JSON per document (written: record → JSON tree → UTF-8 bytes; read: bytes
 *       → tree → record), as the function does against Cosmos DB, network aside;
 *   <li>{@code endToEndHeld}: {@code endToEndCosmosJson} through {@link DeferredAggregation} with
 *       {@link DeferralPolicy#DEFAULT} ({@code -DholdMaxEvents=N}, {@code -DholdMaxSeries=N} for other bounds): every
 *       batch but the last is full, as under a backlog, so the events of up to
 *       {@link DeferralPolicy#eventsBound} of them are written together;
 *   <li>{@code decodeFold}: the decoder into one {@link WindowAggregator} (minute + hour windows,
 *       DDSketch, HLL buffer), a fresh aggregator per pass;
 *   <li>{@code bareParse}: a Jackson streaming token walk (JSON) or protobuf-java {@code parseFrom};
 *   <li>{@code naive}: Jackson databind / generated protobuf classes + {@code HashMap} + list of latencies;
 *   <li>{@code duckdb}: DuckDB {@code threads=1}, {@code read_json} of the same requests as NDJSON,
 *       minute and hour groups with {@code approx_quantile} and {@code approx_count_distinct};
 *   <li>{@code replay}: {@code pulse replay}'s work in a warm JVM — {@link TelemetryReplay} of the
 *       events written once as a Capture Avro file (deflate), read, decoded, folded and merged in
 *       its default batches of {@value TelemetryReplay#DEFAULT_BATCH_SIZE} events. The whole-process
 *       figures, which add the JVM's start, JIT compilation and heap growth, are measured with
 *       {@code ReplayInputs} and {@code /usr/bin/time}.
 * </ul>
 *
 * <p>Each variant warms up for one pass and at least 1 s of CPU, then measures three rounds of at
 * least one pass and {@code measureCpuMillis} of CPU; the median is printed. Also prints the window
 * document writes per 1,000 events of {@code endToEnd}, its export rows per 1,000 events and the sizes
 * of the documents it stored ({@code -Dshards=N} documents per tenant window, {@code -Dbatch=N}
 * events per batch, {@code -Dkeys=10,100} for numbers of keys other than 10, 1,000 and 100,000).
 *
 * <p>Usage: {@code java -cp ... com.pulse.bench.EndToEndThroughput [requests] [measureCpuMillis] [filter]};
 * the filter is a substring of {@code FORMAT/keys/variant}, or several separated by commas (a cell runs
 * when any matches; {@code PULSE_JSON/1000/endToEndHeld,PULSE_JSON/1000/decodeFold} measures a ratio in one JVM).
 */
public final class EndToEndThroughput {
  static final int BATCH = Integer.getInteger("batch", 256);
  /** Documents per (tenant, granularity, window, partition): {@code -Dshards=N}, default 1. */
  static final int SHARDS = Integer.getInteger("shards", AggregateBatch.DEFAULT_SHARDS);
  /**
   * The policy of {@code endToEndHeld}: the function app's default; {@code -DholdMaxEvents=N} events and
   * {@code -DholdMaxSeries=N} series versions per write at most.
   */
  static final DeferralPolicy HOLD = new DeferralPolicy(DeferralPolicy.DEFAULT.fullBatchEvents(),
      Integer.getInteger("holdMaxEvents", DeferralPolicy.DEFAULT.maxEvents()), DeferralPolicy.DEFAULT.maxBytes(),
      DeferralPolicy.DEFAULT.maxAge(), Integer.getInteger("holdMaxSeries", DeferralPolicy.DEFAULT.maxSeries()));
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  /** Numbers of keys measured, {@code -Dkeys=10,100,...} for others (the replay target names 100). */
  private static final int[] KEYS = Arrays.stream(System.getProperty("keys", "10,1000,100000").split(","))
      .mapToInt(k -> Integer.parseInt(k.trim())).toArray();

  private EndToEndThroughput() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long measureNanos = (args.length > 1 ? Long.parseLong(args[1]) : 2_000) * 1_000_000L;
    String filter = args.length > 2 ? args[2] : "";
    System.out.printf(Locale.ROOT, "%-14s %7s %-18s %15s %14s%n", "format", "keys", "variant", "requests/cpu-s", "writes/1k ev");
    Path dir = Files.createTempDirectory("pulse-e2e");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement s = duck.createStatement()) {
        s.execute("SET threads=1");
      }
      for (TelemetryDecodeBenchmark.Format format : TelemetryDecodeBenchmark.Format.values()) {
        for (int keys : KEYS) {
          String prefix = format + "/" + keys + "/";
          if (Arrays.stream(new String[] {"endToEnd", "endToEndCosmosJson", "endToEndHeld", "decodeFold", "bareParse", "naive", "duckdb", "replay"})
              .noneMatch(v -> matches(prefix + v, filter))) {
            continue;
          }
          KeyedCorpus corpus = KeyedCorpus.create(format, keys, requests, 42);
          Path ndjson = dir.resolve(format + "-" + keys + ".ndjson");
          corpus.writeNdjson(ndjson);
          Variants v = new Variants(format, corpus, ndjson, duck);
          run(prefix, "endToEnd", v::endToEnd, requests, measureNanos, filter, v);
          run(prefix, "endToEndCosmosJson", v::endToEndCosmosJson, requests, measureNanos, filter, v);
          run(prefix, "endToEndHeld", v::endToEndHeld, requests, measureNanos, filter, v);
          run(prefix, "decodeFold", v::decodeFold, requests, measureNanos, filter, null);
          run(prefix, "bareParse", v::bareParse, requests, measureNanos, filter, null);
          run(prefix, "naive", v::naive, requests, measureNanos, filter, null);
          run(prefix, "duckdb", v::duckdb, requests, measureNanos, filter, null);
          Path capture = dir.resolve(format + "-" + keys + ".avro");
          if (matches(prefix + "replay", filter)) {
            com.pulse.adapter.capture.CaptureAvro.write(capture, corpus.events);
          }
          run(prefix, "replay", () -> v.replay(capture), requests, measureNanos, filter, null);
          Files.deleteIfExists(capture);
          Files.delete(ndjson);
        }
      }
    }
    Files.delete(dir);
  }

  private static void run(String prefix, String variant, Callable<Long> pass, int requests, long measureNanos,
      String filter, Variants writes) throws Exception {
    if (!matches(prefix + variant, filter)) {
      return;
    }
    double[] rates = rates(pass, requests, measureNanos);
    System.out.printf(Locale.ROOT, "%-14s %7s %-18s %15.0f %14s   (%.0f .. %.0f)%n", prefix.split("/")[0],
        prefix.split("/")[1], variant, rates[1],
        writes == null ? "" : String.format(Locale.ROOT, "%.1f", writes.writesPerThousandEvents()),
        rates[0], rates[2]);
    if (writes != null) {
      System.out.println("    " + writes.documentReport());
    }
  }

  /** Whether the cell {@code FORMAT/keys/variant} contains any of the comma-separated {@code filter}s. */
  private static boolean matches(String cell, String filter) {
    return Arrays.stream(filter.split(",", -1)).anyMatch(cell::contains);
  }

  /**
   * Units per CPU-second of the calling thread for {@code pass} (which handles {@code units} units and
   * returns a checksum, kept from being optimized away): a warm-up of at least one pass and 1 s of CPU,
   * then three rounds of at least one pass and {@code measureNanos} of CPU each; sorted ascending, so
   * {@code [1]} is the median.
   */
  static double[] rates(Callable<Long> pass, long units, long measureNanos) throws Exception {
    long sink = 0;
    long start = THREADS.getCurrentThreadCpuTime();
    do {
      sink += pass.call();
    } while (THREADS.getCurrentThreadCpuTime() - start < 1_000_000_000L);
    double[] rates = new double[3];
    for (int round = 0; round < rates.length; round++) {
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long passes = 0;
      long cpu;
      do {
        sink += pass.call();
        passes++;
        cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
      } while (cpu < measureNanos);
      rates[round] = (double) passes * units / (cpu / 1e9);
    }
    Arrays.sort(rates);
    if (sink == 42) {
      System.out.print(""); // the checksum is used
    }
    return rates;
  }

  /** The variants over one corpus. */
  private static final class Variants {
    private final TelemetryDecodeBenchmark.Format format;
    private final KeyedCorpus corpus;
    private final Path ndjson;
    private final Connection duck;
    private final List<TelemetryEvent> events;
    private final TelemetryDecoder decoder;
    private final JsonFactory json = new JsonFactory();
    private final NaiveTelemetryAggregation naive = new NaiveTelemetryAggregation();
    private final LatenessPolicy policy = LatenessPolicy.of(Duration.ofMinutes(5));
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);
    private long writes;
    private long events1;
    private long rows;
    /** What the last {@code endToEndCosmosJson} pass read, for the report; empty after {@code endToEnd}. */
    private String reads = "";
    private java.util.function.Supplier<java.util.Collection<TenantWindowDocument>> lastDocuments;

    Variants(TelemetryDecodeBenchmark.Format format, KeyedCorpus corpus, Path ndjson, Connection duck) {
      this.format = format;
      this.corpus = corpus;
      this.ndjson = ndjson;
      this.duck = duck;
      this.events = corpus.events;
      this.decoder = new TelemetryDecoders().forContentType(format.contentType);
    }

    long endToEnd() {
      reads = "";
      return endToEnd(new InMemoryWindowStore(), InMemoryWindowStore::documents, false);
    }

    long endToEndCosmosJson() {
      return endToEndCosmosJson(false);
    }

    long endToEndHeld() {
      return endToEndCosmosJson(true);
    }

    private long endToEndCosmosJson(boolean held) {
      CosmosJsonWindowStore store = new CosmosJsonWindowStore();
      long n = endToEnd(store, CosmosJsonWindowStore::documents, held);
      reads = String.format(Locale.ROOT, " documents read/1k ev %.0f (asked %.0f), Cosmos JSON %.0f B/event;",
          1000.0 * store.documentsRead / events1, 1000.0 * store.keysRead / events1, (double) store.bytes / events1);
      return n;
    }

    /**
     * One pass of {@link AggregateBatch} over the corpus into {@code store}, a fresh one per pass.
     *
     * @param documents what {@code store} holds after the pass, for the document report
     * @param held through {@link DeferredAggregation} with {@link #HOLD} (every batch
     *     but the last is full, as under a backlog; the clock is fixed, so only the event and byte
     *     bounds write)
     */
    private <S extends com.pulse.app.port.WindowStore> long endToEnd(S store,
        java.util.function.Function<S, java.util.Collection<TenantWindowDocument>> documents, boolean held) {
      SerializingExport export = new SerializingExport();
      AggregateBatch aggregate = AggregateBatch.withPulseDecoders(store, new InMemoryDeadLetterStore(), export, policy,
          clock, SHARDS);
      java.util.function.Function<TelemetryBatch, BatchResult> useCase = held
          ? new DeferredAggregation(aggregate, (p, from, until) -> {
              throw new IllegalStateException("a fresh pass never recovers");
            }, new InMemoryPartitionProgressStore(), "telemetry", HOLD, clock)::handle
          : aggregate::handle;
      long n = 0;
      long written = 0;
      for (int i = 0; i < events.size(); i += BATCH) {
        BatchResult r = useCase.apply(new TelemetryBatch("0", events.subList(i, Math.min(events.size(), i + BATCH))));
        n += r.requests();
        written += r.documentsWritten();
      }
      if (n != corpus.requests.size()) {
        throw new IllegalStateException("aggregated " + n + " of " + corpus.requests.size() + " requests");
      }
      writes = written;
      events1 = events.size();
      rows = export.rows;
      lastDocuments = () -> documents.apply(store);
      return n + export.bytes;
    }

    double writesPerThousandEvents() {
      return 1000.0 * writes / events1;
    }

    /**
     * Export rows (changed series) per 1,000 events, and the stored documents of the last pass: count,
     * mean and largest size of their Cosmos JSON (as {@code CosmosWindowStore} stores it, without system
     * properties and {@code ttl}), per granularity.
     */
    String documentReport() {
      StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "export rows/1k ev %.0f;", 1000.0 * rows / events1))
          .append(reads);
      for (String g : new String[] {"PT1M", "PT1H"}) {
        long count = 0;
        long total = 0;
        long max = 0;
        long series = 0;
        for (TenantWindowDocument d : lastDocuments.get()) {
          if (d.granularity().equals(g)) {
            long bytes = CosmosDocuments.toDocument(d).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            count++;
            total += bytes;
            max = Math.max(max, bytes);
            series += d.series().size();
          }
        }
        out.append(String.format(Locale.ROOT, " %s: %d docs, %.1f series/doc, mean %d B, max %d B;", g, count,
            (double) series / Math.max(1, count), total / Math.max(1, count), max));
      }
      return out.toString();
    }

    long decodeFold() {
      WindowAggregator aggregator = new WindowAggregator(policy);
      long n = 0;
      long maxEnqueued = Long.MIN_VALUE;
      for (TelemetryEvent e : events) {
        maxEnqueued = Math.max(maxEnqueued, e.enqueuedTime().toEpochMilli());
        aggregator.beginEvent(e.sequenceNumber(), policy.watermark(maxEnqueued));
        n += decoder.decode(e.body(), aggregator);
      }
      return n + aggregator.accumulators().size();
    }

    long bareParse() throws Exception {
      long n = 0;
      for (TelemetryEvent e : events) {
        if (format == TelemetryDecodeBenchmark.Format.OTLP_PROTOBUF) {
          n += ExportTraceServiceRequest.parseFrom(e.body()).getResourceSpansCount();
          continue;
        }
        try (JsonParser p = json.createParser(e.body())) {
          while (p.nextToken() != null) {
            n += p.currentTokenId();
          }
        }
      }
      return n;
    }

    long naive() throws Exception {
      naive.reset();
      long n = 0;
      for (TelemetryEvent e : events) {
        n += switch (format) {
          case PULSE_JSON -> naive.pulseJson(e.body());
          case OTLP_JSON -> naive.otlpJson(e.body());
          case OTLP_PROTOBUF -> naive.otlpProtobuf(e.body());
        };
      }
      return n;
    }

    /**
     * {@code pulse replay}'s work without the JVM start: {@link TelemetryReplay} of the events as one
     * Capture Avro file (deflate, as Capture writes it), in its default batches, over a fresh store.
     */
    long replay(Path capture) {
      TelemetryReplay.Result r = new TelemetryReplay(policy, clock, new InMemoryDeadLetterStore())
          .replay(List.of(capture), "0", TelemetryReplay.DEFAULT_BATCH_SIZE);
      if (r.requests() != corpus.requests.size()) {
        throw new IllegalStateException("replay decoded " + r.requests() + " of " + corpus.requests.size());
      }
      return r.requests() + r.documents().size();
    }

    long duckdb() throws Exception {
      String source = "(SELECT *, time_bucket(INTERVAL '1 minute', \"timestamp\") AS m,"
          + " time_bucket(INTERVAL '1 hour', \"timestamp\") AS h FROM read_json('" + ndjson + "',"
          + " format = 'newline_delimited', columns = {tenantId: 'VARCHAR', service: 'VARCHAR',"
          + " operation: 'VARCHAR', \"timestamp\": 'TIMESTAMP', durationMs: 'DOUBLE', status: 'VARCHAR',"
          + " userId: 'VARCHAR'}))";
      String sql = "SELECT tenantId, service, operation, m, h, count(*), count(*) FILTER (WHERE status = 'error'),"
          + " approx_quantile(durationMs, [0.5, 0.95, 0.99]), approx_count_distinct(userId) FROM " + source
          + " GROUP BY GROUPING SETS ((tenantId, service, operation, m), (tenantId, service, operation, h))";
      long rows = 0;
      try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          rows += rs.getLong(6);
        }
      }
      if (rows != 2L * corpus.requests.size()) {
        throw new IllegalStateException("duckdb counted " + rows + " of " + 2L * corpus.requests.size());
      }
      return rows;
    }
  }
}
