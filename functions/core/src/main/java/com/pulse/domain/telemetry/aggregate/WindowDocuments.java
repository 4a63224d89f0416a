package com.pulse.domain.telemetry.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.internal.DocumentIds;
import com.pulse.domain.telemetry.internal.IsoInstants;
import java.time.Instant;
import org.apache.datasketches.hll.HllSketch;

/**
 * Pure functions over {@link WindowDocument}: its deterministic id, merging a batch delta into it, and
 * the statistics of a version ({@link WindowVersion}). Stateless and thread-safe.
 */
public final class WindowDocuments {
  private WindowDocuments() {}

  /**
   * Deterministic document id: {@code <pt1m|pt1h>-<hex>} where {@code hex} is the first 32 hex digits
   * (128 bits) of SHA-256 over the UTF-8 form
   * {@code tenantId \u001f service \u001f operation \u001f granularity \u001f windowStart(ISO-8601) \u001f partition},
   * followed by {@code \u001f dependency \u001f <dependency>} for a dependency window (so request window
   * ids are those of documents written before dependency windows existed).
   * Contains only {@code [a-z0-9-]}: a valid Cosmos DB id and Kusto string.
   *
   * @throws NullPointerException if an argument is null
   */
  public static String idOf(String tenantId, String service, String operation, Granularity granularity, Instant windowStart, String partition) {
    return idOf(tenantId, service, null, operation, granularity, windowStart, partition);
  }

  /**
   * As {@link #idOf(String, String, String, Granularity, Instant, String)} for a window of
   * {@code dependency} (null: a request window).
   *
   * @throws NullPointerException if an argument other than {@code dependency} is null
   */
  public static String idOf(String tenantId, String service, String dependency, String operation, Granularity granularity,
      Instant windowStart, String partition) {
    String start = IsoInstants.format(windowStart);
    String hex = dependency == null
        ? DocumentIds.hex128Joined(tenantId, service, operation, granularity.iso(), start, partition)
        : DocumentIds.hex128Joined(tenantId, service, operation, granularity.iso(), start, partition, "dependency",
            dependency);
    return granularity.idPrefix() + '-' + hex;
  }

  /** The id of the document {@code delta} belongs to in {@code partition}. */
  public static String idOf(WindowAccumulator delta, String partition) {
    return idOf(delta.tenantId(), delta.service(), delta.dependency(), delta.operation(), delta.granularity(),
        Instant.ofEpochMilli(delta.windowStartMillis()), partition);
  }

  /**
   * The next version of a document: {@code existing} (null when the document does not exist yet)
   * plus {@code delta}. Counts and sums add, sketches merge (DDSketch bins add; HLL registers take
   * the maximum), {@code lastSequenceNumber} becomes the larger of the two, {@code version} grows by one.
   * The caller guarantees that {@code delta} holds only events above {@code existing.lastSequenceNumber()}.
   *
   * <p>Each stored sketch is read once: the latency sketch bin by bin ({@link LatencyMerge}, no
   * sketch object unless bins would collapse), the HLL image in place; the version's statistics
   * (percentiles, bins, distinct users) come from the merged result in hand.
   *
   * @param writtenAt the new {@code updatedAt}
   * @throws IllegalArgumentException if a stored sketch cannot be decoded
   */
  public static WindowVersion merge(WindowDocument existing, WindowAccumulator delta, String partition, Instant writtenAt) {
    return merge(existing == null ? idOf(delta, partition) : existing.id(), existing, null, null, delta, partition,
        writtenAt).version();
  }

  /**
   * A merged version with the decoded forms of its sketches, which a caller may keep to stand for
   * the version's images in the next merge.
   *
   * @param users the heap HLL sketch the user image was serialized from; null when the image is empty
   * @param latency the latency sketch's bins; null when the library merged it (collapsing bins)
   */
  record Next(WindowVersion version, HllSketch users, LatencyBins latency) {}

  /**
   * As {@link #merge(WindowDocument, WindowAccumulator, String, Instant)} with the series id known to
   * the caller, and decoded forms of {@code existing}'s sketches kept from the merge that wrote it
   * (each may be null: the image is decoded): {@code existingUsers} for {@code existing.userSketch()}
   * ({@link UserSketches#union(byte[], HllSketch, WindowAccumulator)}), {@code existingLatency} for
   * {@code existing.latencySketch()} ({@link LatencyMerge#merge(byte[], LatencyBins, WindowAccumulator)}).
   */
  static Next merge(String id, WindowDocument existing, HllSketch existingUsers, LatencyBins existingLatency,
      WindowAccumulator delta, String partition, Instant writtenAt) {
    Granularity g = delta.granularity();
    Instant start = Instant.ofEpochMilli(delta.windowStartMillis());
    byte[] storedLatency = existing == null ? new byte[0] : existing.latencySketch();
    LatencyMerge.Result fast = LatencyMerge.merge(storedLatency, existing == null ? null : existingLatency, delta);
    DDSketch latency = null;
    if (fast == null) { // collapsing or negative bins: the library merges
      latency = LatencySketches.deserialize(storedLatency);
      latency.mergeWith(delta.latency());
    }
    UserSketches.Merged users = existing == null ? UserSketches.union(new byte[0], null, delta)
        : UserSketches.union(existing.userSketch(), existingUsers, delta);
    WindowDocument next = new WindowDocument(
        id,
        delta.tenantId(),
        delta.service(),
        delta.operation(),
        delta.dependency(),
        g.iso(),
        start,
        start.plusMillis(g.millis()),
        partition,
        (existing == null ? 0 : existing.count()) + delta.count(),
        (existing == null ? 0 : existing.errorCount()) + delta.errorCount(),
        (existing == null ? 0 : existing.lateCount()) + delta.lateCount(),
        (existing == null ? 0 : existing.latencySumMs()) + delta.latencySumMs(),
        fast != null ? fast.image() : LatencySketches.serialize(latency),
        users.image(),
        Math.max(existing == null ? -1 : existing.lastSequenceNumber(), delta.maxSequenceNumber()),
        (existing == null ? 0 : existing.version()) + 1,
        writtenAt);
    if (fast == null) {
      return new Next(LatencySketches.version(next, latency, users.estimate()), users.sketch(), null);
    }
    return new Next(new WindowVersion(next, fast.p50Ms(), fast.p95Ms(), fast.p99Ms(), users.estimate(),
        fast.zeroCount(), fast.binKeys(), fast.binCounts()), users.sketch(), fast.bins());
  }

  /**
   * The statistics of a stored document, decoding its sketches (for a version that was not just
   * merged, e.g. re-exported after a redelivery).
   *
   * @throws IllegalArgumentException if a stored sketch cannot be decoded
   */
  public static WindowVersion versionOf(WindowDocument d) {
    return LatencySketches.version(d, LatencySketches.deserialize(d.latencySketch()), UserSketches.estimate(d.userSketch()));
  }
}
