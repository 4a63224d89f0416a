package com.pulse.app.port;

import com.pulse.domain.telemetry.DeadLetter;
import java.util.List;

/**
 * Events that could not be decoded or attributed (Cosmos container {@code deadletter}, pk
 * {@code /partition}, TTL). Writes are upserts by {@link DeadLetter#id()} (partition + sequence
 * number), so a redelivered bad event is stored once.
 *
 * <p>Implementations are thread-safe. Transient failures throw {@link DependencyException}.
 */
public interface DeadLetterStore {

  /** Upserts dead letters; empty is a no-op. */
  void writeAll(List<DeadLetter> deadLetters);

  /**
   * Dead letters of one partition, or of all partitions when {@code partition} is null, oldest
   * first, at most {@code limit}. (A query; not on the hot path.)
   *
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  List<DeadLetter> list(String partition, int limit);

  /** Number of stored dead letters (for {@code /api/health}). */
  long count();

  /** Removes one dead letter (after a successful replay); absent is a no-op. */
  void delete(DeadLetter deadLetter);
}
