package com.pulse.app.telemetry;

import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.MetricWindowExport;
import com.pulse.app.port.MetricWindowStore;
import com.pulse.app.port.Versioned;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.metric.DecodedMetrics;
import com.pulse.domain.telemetry.metric.MetricDimensions;
import com.pulse.domain.telemetry.metric.MetricStreamDocument;
import com.pulse.domain.telemetry.metric.MetricWindowAccumulator;
import com.pulse.domain.telemetry.metric.MetricWindowAggregator;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import com.pulse.domain.telemetry.metric.MetricWindowVersion;
import com.pulse.domain.telemetry.metric.MetricWindows;
import com.pulse.domain.telemetry.metric.StreamStates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Use case: aggregate one batch of the metrics hub (OTLP {@code ExportMetricsServiceRequest}, protobuf
 * or JSON) into metric window documents, exactly once under at-least-once delivery.
 *
 * <ol>
 *   <li>Decode every event ({@link DecodedMetrics}); a bad event is dead-lettered with its reason.
 *   <li>Read the stream-state document of every tenant with cumulative points on this partition and
 *       turn those points into increases ({@link StreamStates}); points of events at or below the
 *       state's {@code lastSequenceNumber} are already in every window they touch (step 5 runs after
 *       step 4), so they are skipped.
 *   <li>Fold into minute and hour deltas per tenant document; validate values and times.
 *   <li>Per window document: the floor rule of {@link AggregateBatch} ({@code lastSequenceNumber},
 *       trim a partly applied delta by re-folding the batch's points above it, create or replace on
 *       the ETag, re-read and redo on a conflict), on the document as read, or as this instance
 *       remembers it from an earlier successful batch ({@link RememberedDocuments}, as
 *       {@link AggregateBatch} does).
 *   <li>Only then write each changed stream-state document (ETag; on a conflict re-read it and re-run
 *       that tenant's cumulative step above the newer state).
 *   <li>Export every written version ({@link MetricWindowExport}): the series it changed; every series
 *       of a skipped or partly applied document (an earlier delivery of these events may have written
 *       it and failed before its export), as {@link AggregateBatch} re-exports.
 * </ol>
 *
 * <p>Why it stays exact: the increases are a function of the stream state at the batch start and the
 * batch's events, and the state after event {@code s} is a function of the partition's events up to
 * {@code s}; so any delivery, by any owner, computes the same increase for the same point, and the
 * floor rule adds it once per document. A stream state ahead of a window (crash between the two) is
 * impossible because state is written last; a window ahead of the state (crash after the windows) is
 * harmless: the retry recomputes the same increases and the windows skip them.
 *
 * <p><b>Remembered documents: window documents only.</b> A remembered window document is safe for the
 * reason given on {@link AggregateBatch}: it decides nothing but its own write, which is conditional
 * on its ETag, so a stale one conflicts and is re-read (and a skip taken on it stays right, as
 * {@code lastSequenceNumber} only grows). A stream-state document is read every batch and never
 * remembered, although its write is conditional too: its content decides the increases folded into
 * the window documents, which are written <em>before</em> its own ETag is checked. A remembered
 * state that another owner has advanced since (it consumed events this instance did not see, then
 * checkpointed) would difference this batch's points against older points; the window writes would
 * succeed, their floors being current, and only the state write would then conflict, too late. Only a
 * read after the batch's checkpoint gives a state that holds every cumulative point before the batch
 * (that checkpoint was written after them); the ETag of a remembered copy cannot.
 *
 * <p>Store cost per batch: one {@code readMany} of the touched windows this instance does not
 * remember (none in a steady state within the memory bound), one of the touched tenants' state documents, one write per
 * touched window document and one per changed state document. Thread-safe if its collaborators are
 * (decoders are per thread; the remembered documents move under one lock).
 */
public final class AggregateMetricBatch {
  /**
   * Prefix of the {@code partition} of a metrics-hub dead letter ({@code metrics-3}), so its id never
   * collides with the traces hub's (or the logs hub's) dead letter of the same partition and sequence
   * number: the dead-letter store is shared and ids are {@code partition-sequenceNumber}.
   */
  public static final String DEAD_LETTER_PARTITION_PREFIX = "metrics-";

  /**
   * Each thread's decoded points, shared by every instance that thread runs (a call never runs inside
   * another): one point pool per thread however many use cases a process builds, where a pool per
   * instance and thread would keep each dropped instance's pool until the thread's map expunges it.
   */
  private static final ThreadLocal<DecodedMetrics> DECODED = new ThreadLocal<>();
  private final MetricDimensions dimensions;
  private final MetricWindowStore store;
  private final DeadLetterStore deadLetters;
  private final MetricWindowExport export;
  private final LatenessPolicy policy;
  private final Clock clock;
  private final FloorRuleWriter<MetricWindowDocument> windowWriter;
  private final FloorRuleWriter<MetricStreamDocument> streamWriter;
  private final RememberedDocuments<Versioned<MetricWindowDocument>> remembered =
      new RememberedDocuments<>(RememberedDocuments.defaultMaxBytes(), RememberedDocuments::metricWindowBytes);

  /**
   * @param dimensions kept attribute dimensions
   * @param store metric windows and stream state
   * @param deadLetters dead-letter store
   * @param export history export
   * @param policy allowed lateness and retention
   * @param clock time source for {@code updatedAt} and {@code deadLetteredAt}
   * @throws NullPointerException if an argument is null
   */
  public AggregateMetricBatch(MetricDimensions dimensions, MetricWindowStore store, DeadLetterStore deadLetters,
      MetricWindowExport export, LatenessPolicy policy, Clock clock) {
    this.dimensions = Objects.requireNonNull(dimensions, "dimensions");
    this.store = Objects.requireNonNull(store, "store");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.export = Objects.requireNonNull(export, "export");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.windowWriter = new FloorRuleWriter<>("metric window document", store::readWindows,
        MetricWindowDocument::lastSequenceNumber);
    this.streamWriter = new FloorRuleWriter<>("metric stream document", store::readStreams,
        MetricStreamDocument::lastSequenceNumber);
  }

  /**
   * Aggregates one batch of the metrics hub.
   *
   * @return counts of what happened
   * @throws DependencyException if the store or export failed; the host retries the batch, which is safe
   *     (this instance forgets the window documents the batch touched and reads them again)
   * @throws NullPointerException if {@code batch} is null
   */
  public MetricBatchResult handle(TelemetryBatch batch) {
    Instant now = clock.instant();
    DecodedMetrics points = decoded(); // empty: every call clears it when it ends
    try {
      return handle(batch, points, now);
    } finally {
      points.clear(); // a held write's points are not kept past it (PointBuffer.RETAINED)
    }
  }

  private MetricBatchResult handle(TelemetryBatch batch, DecodedMetrics points, Instant now) {
    List<DeadLetter> rejected = decodeAll(batch, points, now);
    deadLetters.writeAll(rejected);

    Map<String, DocumentKey> stateKeys = new LinkedHashMap<>();
    for (String tenant : points.cumulativeTenants()) {
      stateKeys.put(tenant, new DocumentKey(tenant, MetricWindows.streamsIdOf(tenant, batch.partition())));
    }
    Map<DocumentKey, Versioned<MetricStreamDocument>> storedStates =
        stateKeys.isEmpty() ? Map.of() : store.readStreams(stateKeys.values());
    Map<String, StreamStates> states = new HashMap<>();
    stateKeys.forEach((tenant, key) -> {
      Versioned<MetricStreamDocument> v = storedStates.get(key);
      states.put(tenant, new StreamStates(tenant, v == null ? null : v.value()));
    });
    points.convert(states);

    MetricWindowAggregator aggregator = points.fold(policy, null);
    Map<DocumentKey, MetricWindowAccumulator> deltas = new LinkedHashMap<>();
    for (MetricWindowAccumulator delta : aggregator.accumulators()) {
      deltas.put(new DocumentKey(delta.tenantId(), MetricWindows.idOf(delta, batch.partition())), delta);
    }
    Map<DocumentKey, Versioned<MetricWindowDocument>> current = remembered.takeOrRead(deltas.keySet(), store::readWindows);
    Map<DocumentKey, MetricWindowAccumulator> trimmed = trimPartlyApplied(points, deltas, current);
    Map<DocumentKey, Versioned<MetricWindowDocument>> kept = new HashMap<>(deltas.size() * 4 / 3 + 1);
    List<MetricWindowVersion> versions = new ArrayList<>(deltas.size());
    Tally tally = new Tally();
    for (Map.Entry<DocumentKey, MetricWindowAccumulator> e : deltas.entrySet()) {
      kept.put(e.getKey(), apply(points, batch.partition(), e.getKey(), e.getValue(), trimmed.get(e.getKey()),
          current.get(e.getKey()), now, versions, tally));
    }
    int streamWrites = 0;
    for (Map.Entry<String, DocumentKey> e : stateKeys.entrySet()) {
      Versioned<MetricStreamDocument> stored = storedStates.get(e.getValue());
      streamWrites += writeState(points, batch.partition(), e.getKey(), e.getValue(), states.get(e.getKey()), stored, now, tally);
    }
    export.exportMetricWindows(versions);
    remembered.keep(kept);
    return new MetricBatchResult(batch.events().size(), points.size(), aggregator.aggregated(), rejected.size(),
        aggregator.expired(), aggregator.outOfRange(), points.baseline(), points.stale(), points.streamLimit(),
        points.duplicate(), tally.late, tally.duplicate, tally.overflow, tally.seriesLimit, tally.minutes, tally.hours,
        tally.skipped, streamWrites, tally.conflicts, 0, 0, 0);
  }

  /** The calling thread's decoded points for this instance's dimensions. */
  private DecodedMetrics decoded() {
    DecodedMetrics points = DECODED.get();
    if (points == null || !points.dimensions().equals(dimensions)) {
      points = new DecodedMetrics(dimensions);
      DECODED.set(points);
    }
    return points;
  }

  private List<DeadLetter> decodeAll(TelemetryBatch batch, DecodedMetrics points, Instant now) {
    return EventDecoding.decodeEach(batch, DEAD_LETTER_PARTITION_PREFIX + batch.partition(), policy, now, (i, event, watermark, maxEnqueued) ->
        points.decode(event.contentType(), event.body(), event.sequenceNumber(), watermark, maxEnqueued));
  }

  /** Deltas of every partly applied document, restricted to events above its floor: one re-fold of the batch. */
  private Map<DocumentKey, MetricWindowAccumulator> trimPartlyApplied(DecodedMetrics points,
      Map<DocumentKey, MetricWindowAccumulator> deltas, Map<DocumentKey, Versioned<MetricWindowDocument>> current) {
    Map<String, Long> floors = new HashMap<>();
    Map<String, DocumentKey> keys = new HashMap<>();
    for (Map.Entry<DocumentKey, MetricWindowAccumulator> e : deltas.entrySet()) {
      MetricWindowAccumulator d = e.getValue();
      long last = windowWriter.floorOf(current.get(e.getKey()));
      if (FloorRuleWriter.partlyApplied(d.minSequenceNumber(), d.maxSequenceNumber(), last)) {
        String identity = identity(d.granularity(), d.tenantId(), d.windowStartMillis());
        floors.put(identity, last);
        keys.put(identity, e.getKey());
      }
    }
    if (floors.isEmpty()) {
      return Map.of();
    }
    MetricWindowAggregator only = points.fold(policy,
        (g, tenant, start) -> floors.getOrDefault(identity(g, tenant, start), Long.MAX_VALUE));
    Map<DocumentKey, MetricWindowAccumulator> out = new HashMap<>();
    for (MetricWindowAccumulator a : only.accumulators()) {
      out.put(keys.get(identity(a.granularity(), a.tenantId(), a.windowStartMillis())), a);
    }
    return out;
  }

  private static String identity(Granularity g, String tenant, long start) {
    return g.iso() + '\u001f' + tenant + '\u001f' + start;
  }

  /** One window document's step; returns the document as written (or, if skipped, as found) with its ETag. */
  private Versioned<MetricWindowDocument> apply(DecodedMetrics points, String partition, DocumentKey key,
      MetricWindowAccumulator delta, MetricWindowAccumulator trimmedForStored, Versioned<MetricWindowDocument> stored,
      Instant now, List<MetricWindowVersion> versions, Tally tally) {
    boolean minute = delta.granularity() == Granularity.MINUTE;
    return windowWriter.write(key, stored, (current, attempt) -> {
      long last = windowWriter.floorOf(current);
      MetricWindowAccumulator fresh = FloorRuleWriter.unapplied(delta.minSequenceNumber(), delta.maxSequenceNumber(),
          last, delta, () -> attempt == 0 && trimmedForStored != null ? trimmedForStored : recompute(points, delta, last));
      if (fresh == null) {
        versions.add(MetricWindows.versionOf(current.value()));
        tally.skipped++;
        tally.conflicts += attempt;
        if (minute) {
          tally.duplicate += delta.points();
        }
        return current;
      }
      MetricWindows.Merged next = MetricWindows.merge(current == null ? null : current.value(), fresh, partition, now);
      MetricWindowDocument doc = next.version().document();
      Versioned<MetricWindowDocument> saved = current == null ? store.createWindow(doc) : store.replaceWindow(doc, current.etag());
      // the version's changed series; a partly applied document was written by a batch that may have
      // failed before its export, so every series of it is exported, as for a skipped document
      versions.add(fresh == delta ? next.version().withDocument(saved.value()) : MetricWindows.versionOf(saved.value()));
      tally.conflicts += attempt;
      if (minute) {
        tally.minutes++;
        tally.late += fresh.lateCount();
        tally.duplicate += delta.points() - fresh.points();
        tally.overflow += next.overflowPoints();
        tally.seriesLimit += next.droppedPoints();
      } else {
        tally.hours++;
      }
      return saved;
    });
  }

  private MetricWindowAccumulator recompute(DecodedMetrics points, MetricWindowAccumulator target, long floor) {
    MetricWindowAggregator only = points.fold(policy, (g, tenant, start) ->
        g == target.granularity() && start == target.windowStartMillis() && tenant.equals(target.tenantId())
            ? floor : Long.MAX_VALUE);
    return only.accumulators().get(0);
  }

  /** Writes one tenant's stream state if it changed (after a conflict: re-run its cumulative step above the newer state). */
  private int writeState(DecodedMetrics points, String partition, String tenant, DocumentKey key, StreamStates state,
      Versioned<MetricStreamDocument> stored, Instant now, Tally tally) {
    return streamWriter.write(key, stored, (current, attempt) -> {
      StreamStates s = state;
      if (attempt > 0) {
        s = new StreamStates(tenant, current == null ? null : current.value());
        points.reconvert(tenant, s);
      }
      if (!s.changed()) {
        tally.conflicts += attempt;
        return 0;
      }
      MetricStreamDocument next = s.next(current == null ? null : current.value(), partition, now);
      if (current == null) {
        store.createStreams(next);
      } else {
        store.replaceStreams(next, current.etag());
      }
      tally.conflicts += attempt;
      return 1;
    });
  }

  /** Per-batch counts of the document writes. */
  private static final class Tally {
    long late;
    long duplicate;
    long overflow;
    long seriesLimit;
    int minutes;
    int hours;
    int skipped;
    int conflicts;
  }
}
