package com.pulse.app.telemetry;

import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.LogWindowExport;
import com.pulse.app.port.LogWindowStore;
import com.pulse.app.port.Versioned;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.log.LogAggregator;
import com.pulse.domain.telemetry.log.LogDecoder;
import com.pulse.domain.telemetry.log.LogDecoders;
import com.pulse.domain.telemetry.log.LogWindowAccumulator;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.log.LogWindowVersion;
import com.pulse.domain.telemetry.log.LogWindows;
import com.pulse.domain.telemetry.log.Severity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Use case: aggregate one batch of the logs hub into log window documents (one per tenant, window and
 * partition, {@link LogWindowDocument}) with an exactly-once effect under at-least-once delivery, by
 * the rule of {@link AggregateBatch}:
 *
 * <ol>
 *   <li>decode each event ({@link LogDecoders}) into a {@link LogAggregator} with the partition
 *       watermark of that event; an event that cannot be decoded or attributed, or that belongs on
 *       another hub, is dead-lettered with the reason (partition {@code logs-<id>}) and the batch
 *       continues;
 *   <li>{@link LogWindowStore#readMany} every touched document this instance does not remember
 *       from an earlier successful batch (as {@link AggregateBatch} does: {@link RememberedDocuments});
 *   <li>per document with {@code lastSequenceNumber = L}: skip it if the delta's events are all
 *       {@code <= L} (redelivery), else fold in only the events {@code > L} (a re-decode of the batch
 *       with that floor) and {@code create} / {@code replace(etag)}; on a
 *       {@link WriteConflictException} re-read that document and redo this step, up to
 *       {@value #MAX_ATTEMPTS} times;
 *   <li>export every new version ({@link LogWindowExport}).
 * </ol>
 *
 * Why that is exact is argued on {@link AggregateBatch}; the templates and service bounds are
 * exactly-once too, because {@link LogWindows#merge} depends only on event order. Thread-safe if its
 * collaborators are: each call uses its own aggregator and the calling thread's decoders.
 */
public final class AggregateLogBatch {
  static final int MAX_ATTEMPTS = FloorRuleWriter.MAX_ATTEMPTS;
  /**
   * Prefix of the {@code partition} of a logs-hub dead letter ({@code logs-3}), so its id never collides
   * with the traces hub's dead letter of the same partition and sequence number.
   */
  public static final String DEAD_LETTER_PARTITION_PREFIX = "logs-";

  private final Supplier<? extends Function<String, LogDecoder>> decoders;
  private final LogWindowStore windows;
  private final DeadLetterStore deadLetters;
  private final LogWindowExport export;
  private final LatenessPolicy policy;
  private final Clock clock;
  private final FloorRuleWriter<LogWindowDocument> writer;
  private final RememberedDocuments<Versioned<LogWindowDocument>> remembered =
      new RememberedDocuments<>(RememberedDocuments.defaultMaxBytes(), RememberedDocuments::logWindowBytes);

  /**
   * @param decoders supplies the calling thread's decoder factory (content type to decoder; decoders are not thread-safe)
   * @param windows log window store
   * @param deadLetters dead-letter store
   * @param export history export
   * @param policy allowed lateness and retention
   * @param clock time source for {@code updatedAt} and {@code deadLetteredAt}
   * @throws NullPointerException if an argument is null
   */
  public AggregateLogBatch(Supplier<? extends Function<String, LogDecoder>> decoders, LogWindowStore windows,
      DeadLetterStore deadLetters, LogWindowExport export, LatenessPolicy policy, Clock clock) {
    this.decoders = Objects.requireNonNull(decoders, "decoders");
    this.windows = Objects.requireNonNull(windows, "windows");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.export = Objects.requireNonNull(export, "export");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.writer = new FloorRuleWriter<>("log window document", windows::readMany, LogWindowDocument::lastSequenceNumber);
  }

  /**
   * The use case with Pulse's log decoders ({@link LogDecoders}), one set per calling thread.
   *
   * @throws NullPointerException if an argument is null
   */
  public static AggregateLogBatch withPulseDecoders(LogWindowStore windows, DeadLetterStore deadLetters,
      LogWindowExport export, LatenessPolicy policy, Clock clock) {
    ThreadLocal<Function<String, LogDecoder>> perThread = ThreadLocal.withInitial(() -> new LogDecoders()::forContentType);
    return new AggregateLogBatch(perThread::get, windows, deadLetters, export, policy, clock);
  }

  /**
   * Aggregates one batch.
   *
   * @return counts of what happened
   * @throws DependencyException if the store or export failed; the host retries the batch, which is
   *     safe (written documents skip the sequence numbers they hold)
   * @throws NullPointerException if {@code batch} is null
   */
  public LogBatchResult handle(TelemetryBatch batch) {
    Instant now = clock.instant();
    Function<String, LogDecoder> factory = decoders.get();
    boolean[] decoded = new boolean[batch.events().size()];
    long[] watermarks = new long[batch.events().size()];
    LogAggregator aggregator = new LogAggregator(policy, null);
    List<DeadLetter> rejected = decodeAll(batch, factory, aggregator, decoded, watermarks, now);
    deadLetters.writeAll(rejected);

    Map<DocumentKey, LogWindowAccumulator> deltas = new LinkedHashMap<>();
    for (LogWindowAccumulator delta : aggregator.accumulators()) {
      deltas.put(new DocumentKey(delta.tenantId(), LogWindows.idOf(delta, batch.partition())), delta);
    }
    Map<DocumentKey, Versioned<LogWindowDocument>> current = remembered.takeOrRead(deltas.keySet(), windows::readMany);
    Map<DocumentKey, Versioned<LogWindowDocument>> kept = new HashMap<>(deltas.size() * 4 / 3 + 1);
    List<LogWindowVersion> versions = new ArrayList<>(deltas.size());
    int written = 0;
    int skipped = 0;
    int conflicts = 0;
    long late = 0;
    long duplicate = 0;
    Map<String, long[]> errors = new java.util.TreeMap<>();
    for (Map.Entry<DocumentKey, LogWindowAccumulator> e : deltas.entrySet()) {
      LogWindowAccumulator delta = e.getValue();
      Written outcome = writer.write(e.getKey(), current.get(e.getKey()), (stored, attempt) -> {
        long last = writer.floorOf(stored);
        LogWindowAccumulator fresh = FloorRuleWriter.unapplied(delta.minSequenceNumber(), delta.maxSequenceNumber(), last,
            delta, () -> recompute(batch, factory, decoded, watermarks, delta, last));
        if (fresh == null) {
          return new Written(stored, LogWindowVersion.of(stored.value()), false, attempt, 0, 0);
        }
        LogWindowVersion next = LogWindows.mergeVersion(stored == null ? null : stored.value(), fresh, batch.partition(), now);
        Versioned<LogWindowDocument> version = stored == null ? windows.create(next.document())
            : windows.replace(next.document(), stored.etag());
        // the series it changed; a partly applied document was written by a batch that may have failed
        // before its export, so every series of it is exported, as for a skipped document
        LogWindowVersion exported = fresh == delta ? next.withDocument(version.value()) : LogWindowVersion.of(version.value());
        if (fresh.granularity() == Granularity.MINUTE) {
          long[] e2 = errors.computeIfAbsent(fresh.tenantId(), t -> new long[2]);
          e2[0] += fresh.count(Severity.ERROR);
          e2[1] += fresh.count(Severity.FATAL);
        }
        return new Written(version, exported, true, attempt, fresh.count(), fresh.lateCount());
      });
      conflicts += outcome.conflicts();
      versions.add(outcome.exported());
      kept.put(e.getKey(), outcome.version());
      if (outcome.written()) {
        written++;
      } else {
        skipped++;
      }
      if (delta.granularity() == Granularity.MINUTE) { // every record lands in exactly one minute window
        late += outcome.appliedLate();
        duplicate += delta.count() - outcome.applied();
      }
    }
    export.exportLogWindows(versions);
    remembered.keep(kept);
    List<LogBatchResult.ErrorRecords> errorRecords = new ArrayList<>();
    errors.forEach((tenant, n) -> {
      if (n[0] > 0) {
        errorRecords.add(new LogBatchResult.ErrorRecords(tenant, Severity.ERROR.name(), n[0]));
      }
      if (n[1] > 0) {
        errorRecords.add(new LogBatchResult.ErrorRecords(tenant, Severity.FATAL.name(), n[1]));
      }
    });
    return new LogBatchResult(batch.events().size(), aggregator.records(), rejected.size(), aggregator.expired(),
        aggregator.outOfRange(), late, duplicate, written, skipped, conflicts, errorRecords, 0, 0, 0);
  }

  private List<DeadLetter> decodeAll(TelemetryBatch batch, Function<String, LogDecoder> factory,
      LogAggregator aggregator, boolean[] decoded, long[] watermarks, Instant now) {
    return EventDecoding.decodeEach(batch, DEAD_LETTER_PARTITION_PREFIX + batch.partition(), policy, now,
        (i, event, watermark, max) -> {
          watermarks[i] = watermark;
          aggregator.beginEvent(event.sequenceNumber(), watermark);
          if (factory.apply(event.contentType()).decode(event.body(), aggregator) == 0) {
            throw new IllegalArgumentException("no records: the body holds no log record");
          }
          decoded[i] = true;
        });
  }

  /** The delta of {@code target}'s document restricted to events above {@code floor}: a re-decode of the batch. */
  private LogWindowAccumulator recompute(TelemetryBatch batch, Function<String, LogDecoder> factory, boolean[] decoded,
      long[] watermarks, LogWindowAccumulator target, long floor) {
    LogAggregator only = new LogAggregator(policy, (g, tenant, start) ->
        g == target.granularity() && start == target.windowStartMillis() && tenant.equals(target.tenantId())
            ? floor : Long.MAX_VALUE);
    List<TelemetryEvent> events = batch.events();
    for (int i = 0; i < events.size(); i++) {
      TelemetryEvent event = events.get(i);
      if (decoded[i] && event.sequenceNumber() > floor) {
        only.beginEvent(event.sequenceNumber(), watermarks[i]);
        factory.apply(event.contentType()).decode(event.body(), only);
      }
    }
    return only.accumulators().get(0);
  }

  /**
   * What one document's write did: the stored (written, or if skipped current) version;
   * {@code applied}/{@code appliedLate}: records of the delta it folded in.
   */
  /** One document's step: the document as written (or, if skipped, as found) with its ETag, and its counts. */
  private record Written(Versioned<LogWindowDocument> version, LogWindowVersion exported, boolean written, int conflicts,
      long applied,
      long appliedLate) {}
}
