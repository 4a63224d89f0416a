package com.pulse.app.telemetry;

import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WindowStore;
import com.pulse.app.telemetry.RememberedDocuments.Remembered;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.aggregate.WindowAccumulator;
import com.pulse.domain.telemetry.aggregate.WindowAggregator;
import com.pulse.domain.telemetry.aggregate.TenantWindows;
import com.pulse.domain.telemetry.aggregate.SeriesIds;
import com.pulse.domain.telemetry.aggregate.WindowDocuments;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Use case: aggregate one Event Hubs batch into window documents with an exactly-once effect under
 * at-least-once delivery.
 *
 * <ol>
 *   <li>Decode each event by content type into a {@link WindowAggregator} (per-series deltas,
 *       minute and hour windows), with the partition watermark of that event, and group the deltas
 *       by the document they belong to: one {@link TenantWindowDocument} per (tenant, granularity,
 *       window, partition, shard) holds every series of that tenant in that window. An event that cannot be
 *       decoded or attributed becomes a {@link DeadLetter} and the batch continues (so does an event
 *       on which a decoder fails unexpectedly: a poison event must not stall the partition).
 *   <li>{@link WindowStore#readMany} every touched document of this partition that this instance
 *       does not remember from an earlier successful batch; those it takes from memory, as it wrote
 *       or found them, with their ETags (see "Remembered documents" below).
 *   <li>Per document with {@code lastSequenceNumber = L}: if the deltas' events are all {@code <= L}
 *       the document already holds them (redelivery): skip it and re-export those series' current versions; if
 *       some are, keep only its events {@code > L} (one re-decode of the batch serves every such
 *       document, each with its own floor {@code L}); merge and
 *       {@code create} / {@code replace(etag)}. On {@link WriteConflictException} (another
 *       owner of the partition wrote first) re-read that document and redo this step, up to
 *       {@value #MAX_ATTEMPTS} times.
 *   <li>Export the new version of every series the batch changed ({@link MetricExport#exportWindows});
 *       the document's other series are neither decoded nor exported.
 * </ol>
 *
 * <p>Why this is exact: a batch is a contiguous range of the partition starting at or after a
 * checkpoint, and a checkpoint is only taken after a whole batch succeeded, so when a batch starting at
 * {@code a} runs, every event below {@code a} is in every document; hence each document always holds
 * exactly its events {@code <= lastSequenceNumber}, and the floor rule adds each event once. The
 * watermark is a function of the event sequence ({@link LatenessPolicy}), so late counts repeat too.
 *
 * <p><b>Remembered documents.</b> After a successful batch, the instance keeps the documents that
 * batch wrote or found ({@link RememberedDocuments}: each as its {@link Versioned} with the ETag the
 * store gave, and the decoded series it wrote), and a later batch that touches one takes it from
 * memory instead of reading (and decoding) it. A remembered
 * document is the current one unless another owner of the partition wrote it since; then the
 * conditional write against the remembered ETag fails with {@link WriteConflictException}, and the
 * step re-reads the document and redoes itself from what it read, exactly as after a conflict on a
 * read document. A decision taken on a stale document without a write ("already applied") stays
 * right, because a document's {@code lastSequenceNumber} only grows; the series versions it then
 * re-exports may be older than the stored ones, which ADX's {@code arg_max(version)} ignores. A
 * failed batch forgets the documents it touched. Memory: at most 1/16 of the heap and 64 MiB
 * (estimate), least recently kept first out.
 * {@code ExactlyOnceProofTest} runs every owner with its own memory.
 *
 * <p>One store write per touched document per batch (plus one per resolved conflict): with one shard,
 * per touched (tenant, granularity, window). Thread-safe if
 * its collaborators are: each call uses its own decoders and aggregator, and takes the remembered
 * documents it touches out of the memory while it runs.
 */
public final class AggregateBatch {
  static final int MAX_ATTEMPTS = FloorRuleWriter.MAX_ATTEMPTS;
  /** Documents per (tenant, granularity, window, partition) unless configured: one holds every series. */
  public static final int DEFAULT_SHARDS = 1;

  private final Supplier<? extends DecoderFactory> decoders;
  private final WindowStore windows;
  private final DeadLetterStore deadLetters;
  private final MetricExport export;
  private final LatenessPolicy policy;
  private final Clock clock;
  private final int shards;
  private final FloorRuleWriter<TenantWindowDocument> writer;
  /** Ids of the series recent batches touched (a series comes back batch after batch). */
  private final SeriesIds seriesIds = new SeriesIds();
  private final RememberedDocuments<Remembered> remembered;

  /**
   * @param decoders supplies the decoder factory of one call, one not used by another thread at the same time
   *     (decoders are not thread-safe)
   * @param windows window state store
   * @param deadLetters dead-letter store
   * @param export history export
   * @param policy allowed lateness and retention
   * @param clock time source for {@code updatedAt} and {@code deadLetteredAt}
   * @throws NullPointerException if an argument is null
   */
  public AggregateBatch(
      Supplier<? extends DecoderFactory> decoders,
      WindowStore windows,
      DeadLetterStore deadLetters,
      MetricExport export,
      LatenessPolicy policy,
      Clock clock) {
    this(decoders, windows, deadLetters, export, policy, clock, DEFAULT_SHARDS);
  }

  /**
   * As {@link #AggregateBatch(Supplier, WindowStore, DeadLetterStore, MetricExport, LatenessPolicy, Clock)}
   * with {@code shards} documents per (tenant, granularity, window, partition)
   * ({@link TenantWindows#shardOf}).
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code shards < 1}
   */
  public AggregateBatch(
      Supplier<? extends DecoderFactory> decoders,
      WindowStore windows,
      DeadLetterStore deadLetters,
      MetricExport export,
      LatenessPolicy policy,
      Clock clock,
      int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1, was " + shards);
    }
    this.shards = shards;
    this.decoders = Objects.requireNonNull(decoders, "decoders");
    this.windows = Objects.requireNonNull(windows, "windows");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.export = Objects.requireNonNull(export, "export");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.writer = new FloorRuleWriter<>("window document", windows::readMany, TenantWindowDocument::lastSequenceNumber);
    this.remembered = new RememberedDocuments<>(RememberedDocuments.defaultMaxBytes(), Remembered::bytes, Remembered::slim);
  }

  /** {@code like}'s ports and settings, with nothing remembered yet and at most {@code rememberedMaxBytes} to remember. */
  private AggregateBatch(AggregateBatch like, long rememberedMaxBytes) {
    this.shards = like.shards;
    this.decoders = like.decoders;
    this.windows = like.windows;
    this.deadLetters = like.deadLetters;
    this.export = like.export;
    this.policy = like.policy;
    this.clock = like.clock;
    this.writer = like.writer;
    this.remembered = new RememberedDocuments<>(rememberedMaxBytes, Remembered::bytes, Remembered::slim);
  }

  /**
   * This use case remembering documents up to {@code rememberedMaxBytes} (estimated heap, {@link
   * RememberedDocuments}) instead of the default bound: a new instance with the same ports, which
   * remembers nothing yet.
   *
   * @throws IllegalArgumentException if {@code rememberedMaxBytes} is negative
   */
  AggregateBatch rememberingUpTo(long rememberedMaxBytes) {
    return new AggregateBatch(this, rememberedMaxBytes);
  }

  /**
   * The use case with Pulse's decoders ({@link TelemetryDecoders}: OTLP protobuf, OTLP/JSON, Pulse
   * JSON by content type), one set per calling thread: decoders are not thread-safe, and their
   * buffers and string caches (bounded) serve every later batch of that thread instead of being
   * allocated and zeroed per batch.
   *
   * @throws NullPointerException if an argument is null
   */
  public static AggregateBatch withPulseDecoders(WindowStore windows, DeadLetterStore deadLetters, MetricExport export,
      LatenessPolicy policy, Clock clock) {
    return withPulseDecoders(windows, deadLetters, export, policy, clock, DEFAULT_SHARDS);
  }

  /**
   * As {@link #withPulseDecoders(WindowStore, DeadLetterStore, MetricExport, LatenessPolicy, Clock)} with
   * {@code shards} documents per (tenant, granularity, window, partition).
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code shards < 1}
   */
  public static AggregateBatch withPulseDecoders(WindowStore windows, DeadLetterStore deadLetters, MetricExport export,
      LatenessPolicy policy, Clock clock, int shards) {
    ThreadLocal<DecoderFactory> perThread = ThreadLocal.withInitial(() -> new TelemetryDecoders()::forContentType);
    return new AggregateBatch(perThread::get, windows, deadLetters, export, policy, clock, shards);
  }

  /**
   * Aggregates one batch.
   *
   * @return counts of what happened
   * @throws DependencyException if the store or export failed; the host retries the batch, which is
   *     safe (already written documents are skipped by their sequence numbers)
   * @throws IllegalStateException if a document would outgrow {@link TenantWindows#MAX_SERIES_CHARS}
   *     (a tenant window with more series than one document holds): raise the shard count; the
   *     batch fails like a dependency failure and is retried
   * @throws NullPointerException if {@code batch} is null
   */
  public BatchResult handle(TelemetryBatch batch) {
    Instant now = clock.instant();
    Pass pass = new Pass(batch, decoders.get());
    WindowAggregator aggregator = new WindowAggregator(policy);
    List<DeadLetter> rejected = pass.decodeAll(aggregator, now);
    deadLetters.writeAll(rejected);

    Map<ShardKey, Group> groups = new LinkedHashMap<>();
    for (WindowAccumulator delta : aggregator.accumulators()) {
      ShardKey shard = ShardKey.of(delta, shards);
      groups.computeIfAbsent(shard, k -> new Group(k, k.documentKey(batch.partition())))
          .add(seriesIds.idOf(delta, batch.partition()), delta);
    }
    List<DocumentKey> touched = new ArrayList<>(groups.size());
    groups.values().forEach(group -> touched.add(group.key));
    Map<DocumentKey, Remembered> memory = remembered.take(touched);
    List<DocumentKey> keys = new ArrayList<>(groups.size());
    Map<DocumentKey, Versioned<TenantWindowDocument>> current = new HashMap<>(groups.size() * 4 / 3 + 1);
    for (Group group : groups.values()) {
      Remembered known = memory.get(group.key);
      if (known != null) {
        current.put(group.key, known.document());
      } else {
        keys.add(group.key);
      }
    }
    if (!keys.isEmpty()) {
      current.putAll(windows.readMany(keys));
    }
    Map<DocumentKey, Remembered> nextMemory = new HashMap<>(groups.size() * 4 / 3 + 1);
    Map<ShardKey, Map<String, WindowAccumulator>> trimmed = pass.trimPartlyApplied(groups, current, writer, policy, shards);
    List<WindowVersion> versions = new ArrayList<>();
    int minutesWritten = 0;
    int hoursWritten = 0;
    int skipped = 0;
    int conflicts = 0;
    long lateRequests = 0;
    long duplicateRequests = 0;
    for (Group group : groups.values()) {
      Outcome outcome = apply(pass, group, trimmed.get(group.shard), current.get(group.key), now,
          memory.get(group.key));
      if (outcome.stored() != null) {
        nextMemory.put(group.key, outcome.stored());
      }
      versions.addAll(outcome.versions());
      conflicts += outcome.conflicts();
      if (group.shard.granularity() == Granularity.MINUTE) {
        // every request lands in exactly one minute window: count lateness and redelivery there
        lateRequests += outcome.appliedLate();
        duplicateRequests += group.requests - outcome.appliedCount();
      }
      if (!outcome.written()) {
        skipped++;
      } else if (group.shard.granularity() == Granularity.MINUTE) {
        minutesWritten++;
      } else {
        hoursWritten++;
      }
    }
    export.exportWindows(versions);
    remembered.keep(nextMemory);
    return new BatchResult(
        batch.events().size(), aggregator.requests(), rejected.size(), aggregator.expired(), minutesWritten, hoursWritten,
        versions.size(), skipped, conflicts, lateRequests, duplicateRequests, aggregator.outOfRange(),
        aggregator.dependencies(), aggregator.internalSpans(), 0, 0, 0);
  }

  /**
   * Writes one document's deltas. {@code trimmedForStored} are the deltas already restricted to events
   * above {@code stored}'s {@code lastSequenceNumber} (null if they needed no trimming); after an ETag
   * conflict the re-read document may hold more, and the deltas are trimmed again for it alone.
   */
  private Outcome apply(Pass pass, Group group, Map<String, WindowAccumulator> trimmedForStored,
      Versioned<TenantWindowDocument> stored, Instant now, Remembered known) {
    return writer.write(group.key, stored, (current, attempt) -> {
      boolean fromMemory = known != null && current == known.document(); // not after a conflict's re-read
      long last = writer.floorOf(current);
      Map<String, WindowAccumulator> fresh = FloorRuleWriter.unapplied(group.minSequenceNumber, group.maxSequenceNumber,
          last, group.deltas, () -> attempt == 0 && trimmedForStored != null ? trimmedForStored
              : pass.recompute(group, last, policy, shards));
      if (fresh == null || fresh.isEmpty()) {
        return new Outcome(TenantWindows.versionsOf(current.value(), group.deltas.keySet()), false, attempt, 0, 0,
            fromMemory ? known : Remembered.of(current, new HashMap<>()));
      }
      TenantWindows.Merged next = TenantWindows.merge(current == null ? null : current.value(), fresh,
          pass.batch.partition(), group.shard.shard(), now, fromMemory ? known.decoded() : Map.of());
      Versioned<TenantWindowDocument> written = current == null ? windows.create(next.document())
          : windows.replace(next.document(), current.etag());
      long count = 0;
      long late = 0;
      for (WindowAccumulator delta : fresh.values()) {
        count += delta.count();
        late += delta.lateCount();
      }
      List<WindowVersion> versions = next.changed();
      if (fresh.size() < group.deltas.size()) {
        // series of this batch whose events the document already held (written by a batch that
        // failed before its export): re-export their stored versions, as for a skipped document
        List<String> held = new ArrayList<>();
        group.deltas.keySet().forEach(id -> {
          if (!fresh.containsKey(id)) {
            held.add(id);
          }
        });
        versions = new ArrayList<>(versions);
        versions.addAll(TenantWindows.versionsOf(current.value(), held));
      }
      return new Outcome(versions, true, attempt, count, late,
          fromMemory
              ? new Remembered(written, TenantWindows.putDecoded(known.decoded(), next),
                  known.seriesChars() + next.seriesCharsDelta())
              : new Remembered(written, TenantWindows.putDecoded(new HashMap<>(), next),
                  TenantWindows.seriesChars(next.document())));
    });
  }

  /**
   * What one document's write did: the versions of its changed (or, if skipped, re-exported) series;
   * {@code appliedCount}/{@code appliedLate}: requests of the deltas it folded in; {@code stored}: the
   * document as written (or, if skipped, as found) with its ETag, to remember.
   */
  private record Outcome(List<WindowVersion> versions, boolean written, int conflicts, long appliedCount,
      long appliedLate, Remembered stored) {}

  /** The key of one stored document apart from the partition, which is the batch's. */
  private record ShardKey(Granularity granularity, String tenantId, long windowStartMillis, int shard) {
    static ShardKey of(WindowAccumulator delta, int shards) {
      return new ShardKey(delta.granularity(), delta.tenantId(), delta.windowStartMillis(),
          TenantWindows.shardOf(delta.service(), delta.dependency(), delta.operation(), shards));
    }

    DocumentKey documentKey(String partition) {
      return new DocumentKey(tenantId,
          TenantWindows.idOf(tenantId, granularity, Instant.ofEpochMilli(windowStartMillis), partition, shard));
    }
  }

  /** The deltas of one batch for one document, by series id, and their sequence-number range. */
  private static final class Group {
    final ShardKey shard;
    final DocumentKey key;
    final Map<String, WindowAccumulator> deltas = new LinkedHashMap<>();
    long minSequenceNumber = Long.MAX_VALUE;
    long maxSequenceNumber = Long.MIN_VALUE;
    long requests;

    Group(ShardKey shard, DocumentKey key) {
      this.shard = shard;
      this.key = key;
    }

    void add(String seriesId, WindowAccumulator delta) {
      deltas.put(seriesId, delta);
      minSequenceNumber = Math.min(minSequenceNumber, delta.minSequenceNumber());
      maxSequenceNumber = Math.max(maxSequenceNumber, delta.maxSequenceNumber());
      requests += delta.count();
    }
  }

  /** One batch's decoding state: which events decoded, and each event's watermark. */
  private static final class Pass {
    final TelemetryBatch batch;
    final DecoderFactory decoders;
    final boolean[] decoded;
    final long[] watermarks;

    Pass(TelemetryBatch batch, DecoderFactory decoders) {
      this.batch = batch;
      this.decoders = decoders;
      this.decoded = new boolean[batch.events().size()];
      this.watermarks = new long[batch.events().size()];
    }

    List<DeadLetter> decodeAll(WindowAggregator aggregator, Instant now) {
      return EventDecoding.decodeEach(batch, batch.partition(), aggregator.policy(), now, (i, event, watermark, max) -> {
        watermarks[i] = watermark;
        aggregator.beginEvent(event.sequenceNumber(), watermark);
        if (decoders.forContentType(event.contentType()).decode(event.body(), aggregator) == 0) {
          // nothing was passed to the aggregator, so dead-lettering keeps the event all-or-nothing
          throw new IllegalArgumentException("no records: the body holds no span or event");
        }
        decoded[i] = true;
      });
    }

    /**
     * The deltas of every partly applied document (some of its events at or below the stored
     * {@code lastSequenceNumber}, some above), each restricted to the events above it: ONE re-decode
     * of the batch with a per-document sequence floor, whatever the number of such documents (after
     * a redelivery from an older checkpoint there can be one per touched document).
     *
     * @return trimmed deltas (series id → delta) by document; empty when no document is partly applied
     */
    Map<ShardKey, Map<String, WindowAccumulator>> trimPartlyApplied(Map<ShardKey, Group> groups,
        Map<DocumentKey, Versioned<TenantWindowDocument>> current, FloorRuleWriter<TenantWindowDocument> writer,
        LatenessPolicy policy, int shards) {
      Map<ShardKey, Long> floors = new HashMap<>();
      long lowestFloor = Long.MAX_VALUE;
      for (Group group : groups.values()) {
        long last = writer.floorOf(current.get(group.key));
        if (FloorRuleWriter.partlyApplied(group.minSequenceNumber, group.maxSequenceNumber, last)) {
          floors.put(group.shard, last);
          lowestFloor = Math.min(lowestFloor, last);
        }
      }
      if (floors.isEmpty()) {
        return Map.of();
      }
      return redecodeAbove(lowestFloor, floors, shards, policy);
    }

    /**
     * Re-decodes the decoded events above {@code lowestFloor}, with their original watermarks, keeping
     * for each document of {@code floors} only the records of events above its floor.
     */
    private Map<ShardKey, Map<String, WindowAccumulator>> redecodeAbove(long lowestFloor, Map<ShardKey, Long> floors,
        int shards, LatenessPolicy policy) {
      WindowAggregator sink = new WindowAggregator(policy, (g, tenant, service, dependency, operation, start) ->
          floors.getOrDefault(new ShardKey(g, tenant, start, TenantWindows.shardOf(service, dependency, operation, shards)),
              Long.MAX_VALUE));
      List<TelemetryEvent> events = batch.events();
      for (int i = 0; i < events.size(); i++) {
        TelemetryEvent event = events.get(i);
        if (decoded[i] && event.sequenceNumber() > lowestFloor) {
          sink.beginEvent(event.sequenceNumber(), watermarks[i]);
          decoders.forContentType(event.contentType()).decode(event.body(), sink);
        }
      }
      Map<ShardKey, Map<String, WindowAccumulator>> trimmed = new HashMap<>();
      for (WindowAccumulator acc : sink.accumulators()) {
        trimmed.computeIfAbsent(ShardKey.of(acc, shards), k -> new LinkedHashMap<>())
            .put(WindowDocuments.idOf(acc, batch.partition()), acc);
      }
      return trimmed;
    }

    /** The deltas of one document restricted to events above {@code floor}: a re-decode of the batch. */
    Map<String, WindowAccumulator> recompute(Group group, long floor, LatenessPolicy policy, int shards) {
      return redecodeAbove(floor, Map.of(group.shard, floor), shards, policy).getOrDefault(group.shard, Map.of());
    }
  }
}
