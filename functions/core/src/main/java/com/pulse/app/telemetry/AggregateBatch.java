package com.pulse.app.telemetry;

import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WindowStore;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.aggregate.WindowAccumulator;
import com.pulse.domain.telemetry.aggregate.WindowAggregator;
import com.pulse.domain.telemetry.aggregate.WindowDocuments;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
 *   <li>Decode each event by content type into a {@link WindowAggregator} (per-document deltas,
 *       minute and hour windows), with the partition watermark of that event; an event that cannot be
 *       decoded or attributed becomes a {@link DeadLetter} and the batch continues (so does an event
 *       on which a decoder fails unexpectedly: a poison event must not stall the partition).
 *   <li>{@link WindowStore#readMany} every touched document of this partition.
 *   <li>Per document with {@code lastSequenceNumber = L}: if the delta's events are all {@code <= L}
 *       the document already holds them (redelivery): skip it and re-export its current version; if
 *       some are, keep only its events {@code > L} (one re-decode of the batch serves every such
 *       document, each with its own floor {@code L}); merge and
 *       {@code create} / {@code replace(etag)}. On {@link WriteConflictException} (another
 *       owner of the partition wrote first) re-read that document and redo this step, up to
 *       {@value #MAX_ATTEMPTS} times.
 *   <li>Export every new version ({@link MetricExport#exportWindows}).
 * </ol>
 *
 * <p>Why this is exact: a batch is a contiguous range of the partition starting at or after a
 * checkpoint, and a checkpoint is only taken after a whole batch succeeded, so when a batch starting at
 * {@code a} runs, every event below {@code a} is in every document; hence each document always holds
 * exactly its events {@code <= lastSequenceNumber}, and the floor rule adds each event once. The
 * watermark is a function of the event sequence ({@link LatenessPolicy}), so late counts repeat too.
 *
 * <p>One store write per touched document per batch (plus one per resolved conflict). Thread-safe if
 * its collaborators are: each call uses its own decoders and aggregator.
 */
public final class AggregateBatch {
  static final int MAX_ATTEMPTS = 16;

  private final Supplier<? extends DecoderFactory> decoders;
  private final WindowStore windows;
  private final DeadLetterStore deadLetters;
  private final MetricExport export;
  private final LatenessPolicy policy;
  private final Clock clock;

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
    this.decoders = Objects.requireNonNull(decoders, "decoders");
    this.windows = Objects.requireNonNull(windows, "windows");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.export = Objects.requireNonNull(export, "export");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
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
    ThreadLocal<DecoderFactory> perThread = ThreadLocal.withInitial(() -> new TelemetryDecoders()::forContentType);
    return new AggregateBatch(perThread::get, windows, deadLetters, export, policy, clock);
  }

  /**
   * Aggregates one batch.
   *
   * @return counts of what happened
   * @throws DependencyException if the store or export failed; the host retries the batch, which is
   *     safe (already written documents are skipped by their sequence numbers)
   * @throws NullPointerException if {@code batch} is null
   */
  public BatchResult handle(TelemetryBatch batch) {
    Instant now = clock.instant();
    Pass pass = new Pass(batch, decoders.get());
    WindowAggregator aggregator = new WindowAggregator(policy);
    List<DeadLetter> rejected = pass.decodeAll(aggregator, now);
    deadLetters.writeAll(rejected);

    Map<DocumentKey, WindowAccumulator> deltas = new LinkedHashMap<>();
    for (WindowAccumulator delta : aggregator.accumulators()) {
      deltas.put(new DocumentKey(delta.tenantId(), WindowDocuments.idOf(delta, batch.partition())), delta);
    }
    Map<DocumentKey, Versioned<WindowDocument>> current = deltas.isEmpty() ? Map.of() : windows.readMany(deltas.keySet());
    Map<DocumentKey, WindowAccumulator> trimmed = pass.trimPartlyApplied(deltas, current, policy);
    List<WindowVersion> versions = new ArrayList<>(deltas.size());
    int minutesWritten = 0;
    int hoursWritten = 0;
    int skipped = 0;
    int conflicts = 0;
    long lateRequests = 0;
    long duplicateRequests = 0;
    for (Map.Entry<DocumentKey, WindowAccumulator> e : deltas.entrySet()) {
      WindowAccumulator delta = e.getValue();
      Outcome outcome = apply(pass, e.getKey(), delta, trimmed.get(e.getKey()), current.get(e.getKey()), now);
      versions.add(outcome.version());
      conflicts += outcome.conflicts();
      if (delta.granularity() == Granularity.MINUTE) {
        // every request lands in exactly one minute window: count lateness and redelivery there
        lateRequests += outcome.appliedLate();
        duplicateRequests += delta.count() - outcome.appliedCount();
      }
      if (!outcome.written()) {
        skipped++;
      } else if (delta.granularity() == Granularity.MINUTE) {
        minutesWritten++;
      } else {
        hoursWritten++;
      }
    }
    export.exportWindows(versions);
    return new BatchResult(
        batch.events().size(), aggregator.requests(), rejected.size(), aggregator.expired(), minutesWritten, hoursWritten,
        skipped, conflicts, lateRequests, duplicateRequests, aggregator.outOfRange(),
        aggregator.dependencies(), aggregator.internalSpans());
  }

  /**
   * Writes one document's delta. {@code trimmedForStored} is the delta already restricted to events
   * above {@code stored}'s {@code lastSequenceNumber} (null if it needed no trimming); after an ETag
   * conflict the re-read document may hold more, and the delta is trimmed again for it alone.
   */
  private Outcome apply(Pass pass, DocumentKey key, WindowAccumulator delta, WindowAccumulator trimmedForStored,
      Versioned<WindowDocument> stored, Instant now) {
    Versioned<WindowDocument> current = stored;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      long last = current == null ? -1 : current.value().lastSequenceNumber();
      if (delta.maxSequenceNumber() <= last) {
        return new Outcome(WindowDocuments.versionOf(current.value()), false, attempt, 0, 0);
      }
      WindowAccumulator fresh = delta.minSequenceNumber() > last ? delta
          : attempt == 0 && trimmedForStored != null ? trimmedForStored
          : pass.recompute(delta, last, policy);
      WindowVersion next = WindowDocuments.merge(current == null ? null : current.value(), fresh, pass.batch.partition(), now);
      try {
        Versioned<WindowDocument> saved = current == null ? windows.create(next.document())
            : windows.replace(next.document(), current.etag());
        return new Outcome(next.withDocument(saved.value()), true, attempt, fresh.count(), fresh.lateCount());
      } catch (WriteConflictException conflict) {
        current = windows.readMany(List.of(key)).get(key);
      }
    }
    throw new DependencyException(
        "window document " + key.id() + " changed under " + MAX_ATTEMPTS + " consecutive writes", 412, null, null);
  }

  /** What one document's write did; {@code appliedCount}/{@code appliedLate}: requests of the delta it folded in. */
  private record Outcome(WindowVersion version, boolean written, int conflicts, long appliedCount, long appliedLate) {}

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
      List<DeadLetter> rejected = new ArrayList<>();
      long maxEnqueued = Long.MIN_VALUE;
      List<TelemetryEvent> events = batch.events();
      for (int i = 0; i < events.size(); i++) {
        TelemetryEvent event = events.get(i);
        maxEnqueued = Math.max(maxEnqueued, event.enqueuedTime().toEpochMilli());
        watermarks[i] = aggregator.policy().watermark(maxEnqueued);
        aggregator.beginEvent(event.sequenceNumber(), watermarks[i]);
        try {
          if (event.body().length == 0) {
            throw new IllegalArgumentException("empty body");
          }
          if (decoders.forContentType(event.contentType()).decode(event.body(), aggregator) == 0) {
            // nothing was passed to the aggregator, so dead-lettering keeps the event all-or-nothing
            throw new IllegalArgumentException("no records: the body holds no span or event");
          }
          decoded[i] = true;
        } catch (IllegalArgumentException e) {
          rejected.add(deadLetter(event, e.getMessage(), now));
        } catch (RuntimeException decoderBug) {
          // decoding is pure: any other failure is about this event (or a decoder bug it triggers);
          // failing the batch would retry it forever and stall the partition
          rejected.add(deadLetter(event, "decoder failure: " + decoderBug, now));
        }
      }
      return rejected;
    }

    /**
     * The deltas of every partly applied document (some of its events at or below the stored
     * {@code lastSequenceNumber}, some above), each restricted to the events above it: ONE re-decode
     * of the batch with a per-document sequence floor, whatever the number of such documents (after
     * a redelivery from an older checkpoint there can be one per touched window).
     *
     * @return trimmed deltas by document; empty when no document is partly applied
     */
    Map<DocumentKey, WindowAccumulator> trimPartlyApplied(Map<DocumentKey, WindowAccumulator> deltas,
        Map<DocumentKey, Versioned<WindowDocument>> current, LatenessPolicy policy) {
      Map<String, Long> floors = new HashMap<>();
      Map<String, DocumentKey> keys = new HashMap<>();
      long lowestFloor = Long.MAX_VALUE;
      for (Map.Entry<DocumentKey, WindowAccumulator> e : deltas.entrySet()) {
        Versioned<WindowDocument> stored = current.get(e.getKey());
        WindowAccumulator delta = e.getValue();
        long last = stored == null ? -1 : stored.value().lastSequenceNumber();
        if (delta.minSequenceNumber() <= last && delta.maxSequenceNumber() > last) {
          String identity = identity(delta.granularity(), delta.tenantId(), delta.service(), delta.dependency(),
              delta.operation(), delta.windowStartMillis());
          floors.put(identity, last);
          keys.put(identity, e.getKey());
          lowestFloor = Math.min(lowestFloor, last);
        }
      }
      if (floors.isEmpty()) {
        return Map.of();
      }
      WindowAggregator only = new WindowAggregator(policy, (g, tenant, service, dependency, operation, start) ->
          floors.getOrDefault(identity(g, tenant, service, dependency, operation, start), Long.MAX_VALUE));
      redecodeAbove(lowestFloor, only);
      Map<DocumentKey, WindowAccumulator> trimmed = new HashMap<>();
      for (WindowAccumulator acc : only.accumulators()) {
        trimmed.put(keys.get(identity(acc.granularity(), acc.tenantId(), acc.service(), acc.dependency(), acc.operation(),
            acc.windowStartMillis())), acc);
      }
      return trimmed;
    }

    private static String identity(Granularity g, String tenant, String service, String dependency, String operation,
        long startMillis) {
      return g.iso() + '\u001f' + tenant + '\u001f' + service + '\u001f' + dependency + '\u001f' + operation + '\u001f'
          + startMillis;
    }

    /** Re-decodes the decoded events above {@code floor} into {@code sink}, with their original watermarks. */
    private void redecodeAbove(long floor, WindowAggregator sink) {
      List<TelemetryEvent> events = batch.events();
      for (int i = 0; i < events.size(); i++) {
        TelemetryEvent event = events.get(i);
        if (decoded[i] && event.sequenceNumber() > floor) {
          sink.beginEvent(event.sequenceNumber(), watermarks[i]);
          decoders.forContentType(event.contentType()).decode(event.body(), sink);
        }
      }
    }

    /** The delta of one document restricted to events above {@code floor}: a re-decode of the batch. */
    WindowAccumulator recompute(WindowAccumulator target, long floor, LatenessPolicy policy) {
      WindowAggregator only = new WindowAggregator(policy, (g, tenant, service, dependency, operation, start) ->
          g == target.granularity() && start == target.windowStartMillis() && tenant.equals(target.tenantId())
              && service.equals(target.service()) && Objects.equals(dependency, target.dependency())
              && operation.equals(target.operation()) ? floor : Long.MAX_VALUE);
      redecodeAbove(floor, only);
      return only.accumulators().get(0);
    }

    DeadLetter deadLetter(TelemetryEvent event, String reason, Instant now) {
      return new DeadLetter(
          DeadLetter.idOf(batch.partition(), event.sequenceNumber()),
          batch.partition(),
          event.offset(),
          event.sequenceNumber(),
          event.enqueuedTime(),
          reason == null ? "undecodable event" : reason,
          event.contentType(),
          event.properties(),
          Base64.getEncoder().encodeToString(event.body()),
          now);
    }
  }
}
