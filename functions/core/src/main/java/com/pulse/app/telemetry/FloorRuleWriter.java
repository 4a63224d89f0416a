package com.pulse.app.telemetry;

import com.pulse.app.port.DependencyException;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WriteConflictException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The exactly-once bookkeeping every batch use case shares for its documents of type {@code D}: the
 * floor rule on a document's {@code lastSequenceNumber} (docs/ARCHITECTURE.md §3) and the ETag
 * write that re-reads the document and redoes the step after another owner of the partition wrote
 * first, at most {@value #MAX_ATTEMPTS} times.
 *
 * <p>A document absent from the store has floor {@code -1}: it holds no event. A batch's delta for
 * one document spans the sequence numbers {@code [min, max]}; with the stored floor {@code L} it is
 * applied ({@code max <= L}: skip), unapplied ({@code min > L}: fold it whole) or partly applied
 * (fold only its events {@code > L}).
 *
 * <p>Immutable; thread-safe if its read function is.
 *
 * @param <D> the stored document type
 */
final class FloorRuleWriter<D> {
  /** Writes of one document per batch before a conflict becomes a {@link DependencyException}. */
  static final int MAX_ATTEMPTS = 16;

  /**
   * One attempt at writing a document.
   *
   * @param <D> the stored document type
   * @param <R> what a successful attempt returns
   */
  @FunctionalInterface
  interface Attempt<D, R> {
    /**
     * @param current the document as last read, null if absent
     * @param attempt 0 for the first attempt, else the number of conflicts so far
     * @return the attempt's result
     * @throws WriteConflictException if the create or ETag replace lost to another writer
     */
    R run(Versioned<D> current, int attempt);
  }

  private final String kind;
  private final Function<Collection<DocumentKey>, Map<DocumentKey, Versioned<D>>> readMany;
  private final ToLongFunction<D> lastSequenceNumber;

  /**
   * @param kind what the document is, for the error message ({@code "log window document"})
   * @param readMany the store's read of many documents (absent ones missing from the result)
   * @param lastSequenceNumber a document's highest folded sequence number
   * @throws NullPointerException if an argument is null
   */
  FloorRuleWriter(String kind, Function<Collection<DocumentKey>, Map<DocumentKey, Versioned<D>>> readMany,
      ToLongFunction<D> lastSequenceNumber) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.readMany = Objects.requireNonNull(readMany, "readMany");
    this.lastSequenceNumber = Objects.requireNonNull(lastSequenceNumber, "lastSequenceNumber");
  }

  /** The floor of {@code stored}: its {@code lastSequenceNumber}, or {@code -1} if it is absent (null). */
  long floorOf(Versioned<D> stored) {
    return stored == null ? -1 : lastSequenceNumber.applyAsLong(stored.value());
  }

  /** Whether a delta of events {@code [min, max]} is partly below and partly above {@code floor}. */
  static boolean partlyApplied(long min, long max, long floor) {
    return min <= floor && max > floor;
  }

  /**
   * The part of a delta of events {@code [min, max]} that a document with {@code floor} does not hold
   * yet: null if it holds all ({@code max <= floor}), {@code whole} if none, else {@code trimmed.get()}.
   *
   * @param <T> the delta type
   */
  static <T> T unapplied(long min, long max, long floor, T whole, Supplier<? extends T> trimmed) {
    if (max <= floor) {
      return null;
    }
    return min > floor ? whole : trimmed.get();
  }

  /**
   * Runs {@code attempt} on {@code stored}; on a {@link WriteConflictException} re-reads the document
   * {@code key} and runs it again on what was read.
   *
   * @param <R> the attempt's result type
   * @return the result of the first attempt that did not conflict
   * @throws DependencyException (status 412) after {@value #MAX_ATTEMPTS} conflicts in a row, or if
   *     the re-read failed
   */
  <R> R write(DocumentKey key, Versioned<D> stored, Attempt<D, R> attempt) {
    Versioned<D> current = stored;
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      try {
        return attempt.run(current, i);
      } catch (WriteConflictException conflict) {
        current = readMany.apply(List.of(key)).get(key);
      }
    }
    throw new DependencyException(
        kind + " " + key.id() + " changed under " + MAX_ATTEMPTS + " consecutive writes", 412, null, null);
  }
}
