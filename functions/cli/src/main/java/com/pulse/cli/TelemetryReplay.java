package com.pulse.cli;

import com.pulse.adapter.capture.CaptureAvro;
import com.pulse.adapter.capture.CaptureFormat;
import com.pulse.adapter.capture.CaptureJsonLines;
import com.pulse.adapter.capture.CapturedEvent;
import com.pulse.adapter.local.InMemoryLogWindowStore;
import com.pulse.adapter.local.InMemoryMetricWindowStore;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.telemetry.AggregateLogBatch;
import com.pulse.app.telemetry.LogBatchResult;
import com.pulse.domain.telemetry.log.LogDecoders;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.log.MergedLogSeries;
import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.MetricWindowExport;
import com.pulse.app.telemetry.AggregateBatch;
import com.pulse.app.telemetry.AggregateMetricBatch;
import com.pulse.app.telemetry.BatchResult;
import com.pulse.app.telemetry.MetricBatchResult;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.query.MergedWindow;
import com.pulse.domain.query.WindowMerger;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.metric.MetricDimensions;
import com.pulse.domain.telemetry.metric.MetricSeriesMerger;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Feeds recorded events (Capture Avro files, {@code *.avro}, or their JSON-lines form,
 * {@code *.jsonl}; directories are searched recursively) through the same {@link AggregateBatch}
 * the Event Hub function uses, over an in-process window store, and returns the final windows. Events
 * that are OTLP logs requests ({@link LogDecoders#isOtlpLogs}: Capture of the logs hub) go through
 * {@link AggregateLogBatch}, as {@code LogAggregation} would handle them, into log window documents.
 *
 * <p>Files under a directory named {@value #METRICS_HUB} (the OTLP metrics hub, as Capture names its
 * folder {@code {Namespace}/{EventHub}/...}) go through {@link AggregateMetricBatch} into metric
 * windows instead. Per partition, files are applied in order of their first sequence number, each file in
 * ascending sequence order and in batches of {@code batchSize}; events another file already applied
 * (an overlapping re-capture) are skipped per window document exactly as on redelivery. Capture Avro
 * files are streamed, never read whole: memory is one batch of events plus the window documents
 * (the active windows), whatever the input size. Not thread-safe; one replay per instance.
 */
public final class TelemetryReplay {
  /**
   * Default events per replay batch. Replay is offline, so it takes batches far larger than the
   * function's ({@link #HOST_BATCH_SIZE}): the result is the same for any batch size (the
   * exactly-once rule makes it so, and {@code ExactlyOnceProofTest} checks it), but each batch writes
   * every document it touches once, so with 1,000 keys a batch of 256 events writes ~0.16 documents
   * per event and a batch of 65,536 ~0.002. Memory per batch: its events (~17 MB of 260-byte bodies)
   * and one delta per touched series.
   */
  public static final int DEFAULT_BATCH_SIZE = 65_536;

  /** Events per batch of the Event Hub function (the {@code maxEventBatchSize} of host.json). */
  public static final int HOST_BATCH_SIZE = 256;

  private final LatenessPolicy policy;
  private final Clock clock;
  private final DeadLetterStore deadLetters;
  private final InMemoryWindowStore windows = new InMemoryWindowStore();
  private final InMemoryLogWindowStore logWindows = new InMemoryLogWindowStore();
  private final InMemoryMetricWindowStore metricWindows = new InMemoryMetricWindowStore();
  private final MetricDimensions dimensions;
  /** Directory name of the OTLP metrics hub's captures. */
  public static final String METRICS_HUB = "otlp_metrics";
  /**
   * Replay prints final windows from the store; the versions the use case exports are dropped, so
   * memory is bounded by the windows, not by the number of writes.
   */
  private static final MetricExport NO_EXPORT = new MetricExport() {
    @Override
    public void exportPoints(List<MetricPoint> points) {}

    @Override
    public void exportWindows(List<WindowVersion> versions) {}
  };

  /**
   * @param policy lateness policy ({@code TELEMETRY_ALLOWED_LATENESS})
   * @param clock clock for {@code updatedAt} / {@code deadLetteredAt}
   * @param deadLetters where undecodable events go
   * @throws NullPointerException if an argument is null
   */
  public TelemetryReplay(LatenessPolicy policy, Clock clock, DeadLetterStore deadLetters) {
    this(policy, clock, deadLetters, MetricDimensions.DEFAULT);
  }

  /**
   * @param dimensions the kept metric dimensions ({@code OTLP_METRIC_DIMENSIONS})
   * @throws NullPointerException if an argument is null
   */
  public TelemetryReplay(LatenessPolicy policy, Clock clock, DeadLetterStore deadLetters, MetricDimensions dimensions) {
    this.dimensions = Objects.requireNonNull(dimensions, "dimensions");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
  }

  /**
   * Totals of a replay and the final windows.
   *
   * @param files files read
   * @param events events read (duplicates across files included)
   * @param requests requests decoded
   * @param deadLettered events dead-lettered
   * @param documentsWritten window document writes
   * @param documentsSkipped touched documents that already held a batch (overlaps)
   * @param late requests folded in behind the watermark ({@link BatchResult#lateRequests})
   * @param expired requests dropped because their window had expired ({@link BatchResult#expired})
   * @param outOfRange records dropped for an out-of-range value ({@link BatchResult#outOfRange})
   * @param dependencies dependency calls folded in ({@link BatchResult#dependencies})
   * @param internalSpans INTERNAL spans counted ({@link BatchResult#internalSpans})
   * @param documents final per-partition window documents
   * @param logRecords log records folded in ({@link LogBatchResult#records}); their late, expired,
   *     out-of-range, dead-lettered and written counts are in the totals above
   * @param logDocuments final per-partition log window documents
   * @param metrics the OTLP metrics hub's totals and final metric window documents
   */
  public record Result(int files, long events, long requests, long deadLettered, long documentsWritten,
      long documentsSkipped, long late, long expired, long outOfRange, long dependencies, long internalSpans, List<WindowDocument> documents,
      long logRecords, List<LogWindowDocument> logDocuments, MetricTotals metrics) {
    /** Final log series of {@code granularity} merged across partitions. */
    public List<MergedLogSeries> logSeries(Granularity granularity) {
      return MergedLogSeries.merge(logDocuments.stream().filter(d -> d.granularity().equals(granularity.iso())).toList());
    }

    /** Final metric series of {@code granularity} merged across partitions. */
    public List<MetricSeriesMerger.MergedSeries> metricSeries(Granularity granularity) {
      return MetricSeriesMerger.merge(
          metrics.documents().stream().filter(d -> d.granularity().equals(granularity.iso())).toList());
    }
    /** Final request windows of {@code granularity} merged across partitions. */
    public List<MergedWindow> windows(Granularity granularity) {
      return WindowMerger.merge(
          documents.stream().filter(d -> d.granularity().equals(granularity.iso()) && d.dependency() == null).toList());
    }

    /** Final dependency windows (CLIENT/PRODUCER spans) of {@code granularity} merged across partitions. */
    public List<MergedWindow> dependencyWindows(Granularity granularity) {
      return WindowMerger.merge(
          documents.stream().filter(d -> d.granularity().equals(granularity.iso()) && d.dependency() != null).toList());
    }
  }

  /**
   * Totals of the metrics hub's events ({@link MetricBatchResult}, summed over batches).
   *
   * @param events events read
   * @param deadLettered events dead-lettered
   * @param points data points decoded
   * @param aggregated points folded in
   * @param late points folded in behind the watermark
   * @param expired points whose window had expired
   * @param outOfRange points with an out-of-range value or time
   * @param baseline cumulative first points that set a baseline only
   * @param stale resent or value-less points
   * @param streamLimit cumulative points beyond the stream limit
   * @param duplicate redelivered points skipped (overlapping captures)
   * @param overflow points folded into overflow series
   * @param seriesLimit points dropped at a document's series limit
   * @param documents final per-partition metric window documents
   */
  public record MetricTotals(long events, long deadLettered, long points, long aggregated, long late, long expired,
      long outOfRange, long baseline, long stale, long streamLimit, long duplicate, long overflow, long seriesLimit,
      List<MetricWindowDocument> documents) {}

  /**
   * Replays the inputs.
   *
   * @param inputs files or directories
   * @param partition partition id for files without one in their path or records, or null
   * @param batchSize events per batch, {@code >= 1}
   * @throws IllegalArgumentException if an input is missing or unreadable as a record, or has no partition
   * @throws UncheckedIOException on an I/O error
   */
  public Result replay(List<Path> inputs, String partition, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    Map<String, List<Source>> byPartition = new TreeMap<>();
    Map<String, List<Source>> metricsByPartition = new TreeMap<>();
    int files = 0;
    for (Path file : expand(inputs)) {
      files++;
      Map<String, List<Source>> target = isMetricsHub(file) ? metricsByPartition : byPartition;
      for (Source source : sources(file, partition)) {
        target.computeIfAbsent(source.partition(), k -> new ArrayList<>()).add(source);
      }
    }
    MetricTotals metrics = replayMetrics(metricsByPartition, batchSize);
    AggregateBatch useCase = AggregateBatch.withPulseDecoders(windows, deadLetters, NO_EXPORT, policy, clock);
    AggregateLogBatch logUseCase = AggregateLogBatch.withPulseDecoders(logWindows, deadLetters, versions -> {}, policy,
        clock);
    Totals totals = new Totals();
    feed(byPartition, batchSize, (partitionId, batch) -> handle(useCase, logUseCase, partitionId, batch, totals));
    return new Result(files, totals.events, totals.requests, totals.dead, totals.written, totals.skipped, totals.late,
        totals.expired, totals.outOfRange, totals.dependencies, totals.internalSpans, windows.all(),
        totals.logRecords, logWindows.all(), metrics);
  }

  private static boolean isMetricsHub(Path file) {
    for (Path segment : file.toAbsolutePath().normalize()) {
      if (segment.toString().equals(METRICS_HUB)) {
        return true;
      }
    }
    return false;
  }

  private MetricTotals replayMetrics(Map<String, List<Source>> byPartition, int batchSize) {
    AggregateMetricBatch useCase = new AggregateMetricBatch(dimensions, metricWindows, deadLetters, MetricWindowExport.NONE,
        policy, clock);
    long[] t = new long[13];
    feed(byPartition, batchSize, (partitionId, batch) -> {
      MetricBatchResult r = useCase.handle(new TelemetryBatch(partitionId, batch));
      long[] add = {r.events(), r.deadLettered(), r.points(), r.aggregated(), r.late(), r.expired(), r.outOfRange(),
          r.baseline(), r.stale(), r.streamLimit(), r.duplicate() + r.cumulativeDuplicates(), r.overflow(), r.seriesLimit()};
      for (int k = 0; k < t.length; k++) {
        t[k] += add[k];
      }
    });
    return new MetricTotals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12],
        metricWindows.allWindows());
  }

  /**
   * Feeds the sources to {@code handler} partition by partition (in partition order), each partition's
   * files in ascending order of their first sequence number, in batches of at most {@code batchSize}.
   */
  private static void feed(Map<String, List<Source>> byPartition, int batchSize,
      BiConsumer<String, List<TelemetryEvent>> handler) {
    for (Map.Entry<String, List<Source>> p : byPartition.entrySet()) {
      String partitionId = p.getKey();
      List<Source> sorted = new ArrayList<>(p.getValue());
      sorted.sort(Comparator.comparingLong(Source::firstSequenceNumber));
      for (Source source : sorted) {
        Batcher batcher = new Batcher(partitionId, batchSize, source.name(), batch -> handler.accept(partitionId, batch));
        source.events().accept(batcher::add);
        batcher.flush();
      }
    }
  }

  /**
   * One file's events of one partition, in ascending sequence order, streamed to a consumer.
   *
   * @param name the file, for messages
   */
  private record Source(String partition, long firstSequenceNumber, String name,
      Consumer<Consumer<TelemetryEvent>> events) {}

  /**
   * A Capture Avro file is streamed (Capture writes each partition's events in sequence order); a
   * JSON-lines file (a hand-made or converted input, possibly of several partitions and in any
   * order) is read whole, sorted and de-duplicated.
   */
  private static List<Source> sources(Path file, String partitionFlag) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    String partition = partitionFlag != null ? partitionFlag : CaptureFormat.partitionFromPath(file);
    if (name.endsWith(".avro")) {
      if (partition == null) {
        throw new IllegalArgumentException(file + ": no partition in the Capture path (…/{PartitionId}/{yyyy}/…); pass --partition");
      }
      return List.of(new Source(partition, CaptureAvro.firstSequenceNumber(file), file.toString(),
          sink -> CaptureAvro.forEach(file, partition, captured -> sink.accept(captured.event()))));
    }
    Map<String, TreeMap<Long, TelemetryEvent>> ordered = new TreeMap<>();
    for (CapturedEvent c : CaptureJsonLines.read(file, partition)) {
      ordered.computeIfAbsent(c.partition(), k -> new TreeMap<>()).putIfAbsent(c.event().sequenceNumber(), c.event());
    }
    List<Source> out = new ArrayList<>();
    ordered.forEach((p, events) -> out.add(new Source(p, events.isEmpty() ? Long.MAX_VALUE : events.firstKey(),
        file.toString(), sink -> events.values().forEach(sink))));
    return out;
  }

  /** Collects one source's events into batches of {@code batchSize} and hands each to the use case. */
  /**
   * Cuts one file's events (ascending sequence numbers, one partition) into batches of at most
   * {@code batchSize} and hands each to {@code handler}; the same event twice in a row is dropped, an
   * event out of order fails the replay.
   */
  private static final class Batcher {
    private final String partition;
    private final int batchSize;
    private final String source;
    private final Consumer<List<TelemetryEvent>> handler;
    private final List<TelemetryEvent> batch;
    private long lastSequenceNumber = Long.MIN_VALUE;

    Batcher(String partition, int batchSize, String source, Consumer<List<TelemetryEvent>> handler) {
      this.partition = partition;
      this.batchSize = batchSize;
      this.source = source;
      this.handler = handler;
      this.batch = new ArrayList<>(Math.min(batchSize, 1 << 16));
    }

    void add(TelemetryEvent event) {
      if (event.sequenceNumber() <= lastSequenceNumber) {
        if (event.sequenceNumber() == lastSequenceNumber) {
          return; // the same event twice in one file
        }
        throw new IllegalArgumentException(source + ": sequence number " + event.sequenceNumber() + " after "
            + lastSequenceNumber + " (partition " + partition + "); a Capture file is in sequence order");
      }
      lastSequenceNumber = event.sequenceNumber();
      batch.add(event);
      if (batch.size() == batchSize) {
        flush();
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      handler.accept(List.copyOf(batch));
      batch.clear();
    }
  }

  /**
   * One batch of the traces hub's files: a file may hold the logs hub's events too, which go to the
   * logs use case as {@code LogAggregation} would take them; the rest to {@code AggregateBatch}.
   */
  private static void handle(AggregateBatch useCase, AggregateLogBatch logUseCase, String partition,
      List<TelemetryEvent> batch, Totals totals) {
    Map<Boolean, List<TelemetryEvent>> byHub =
        batch.stream().collect(java.util.stream.Collectors.partitioningBy(e -> LogDecoders.isOtlpLogs(e.body())));
    List<TelemetryEvent> logs = byHub.get(true);
    List<TelemetryEvent> traces = byHub.get(false);
    if (!logs.isEmpty()) {
      totals.add(logUseCase.handle(new TelemetryBatch(partition, logs)));
    }
    if (!traces.isEmpty()) {
      totals.add(useCase.handle(new TelemetryBatch(partition, traces)));
    }
  }

  /** Running totals of the batch results. */
  private static final class Totals {
    long events;
    long requests;
    long dead;
    long written;
    long skipped;
    long late;
    long expired;
    long outOfRange;
    long dependencies;
    long internalSpans;
    long logRecords;

    void add(LogBatchResult l) {
      logRecords += l.records();
      add(l.events(), l.deadLettered(), l.documentsWritten(), l.documentsSkipped(), l.lateRecords(), l.expired(),
          l.outOfRange());
    }

    void add(BatchResult r) {
      requests += r.requests();
      dependencies += r.dependencies();
      internalSpans += r.internalSpans();
      add(r.events(), r.deadLettered(), r.documentsWritten(), r.documentsSkipped(), r.lateRequests(), r.expired(),
          r.outOfRange());
    }

    /** The counts every signal's batch result has. */
    private void add(long events, long dead, long written, long skipped, long late, long expired, long outOfRange) {
      this.events += events;
      this.dead += dead;
      this.written += written;
      this.skipped += skipped;
      this.late += late;
      this.expired += expired;
      this.outOfRange += outOfRange;
    }
  }

  private static List<Path> expand(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".avro") || f.toString().endsWith(".jsonl"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + input, e);
        }
      } else if (Files.isRegularFile(input)) {
        files.add(input);
      } else {
        throw new IllegalArgumentException("input not found: " + input);
      }
    }
    return files;
  }
}
