package com.pulse.adapter.local;

import com.pulse.app.port.DeadLetterStore;
import com.pulse.domain.telemetry.DeadLetter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * In-process {@link DeadLetterStore}: upsert by id, listing in first-stored order (a redelivered dead
 * letter keeps its place). An optional change listener receives the full contents after each change
 * (how {@link FileDeadLetterStore} persists). Thread-safe (synchronized; the listener runs under the
 * lock).
 */
public final class InMemoryDeadLetterStore implements DeadLetterStore {
  private final Map<String, DeadLetter> byId = new LinkedHashMap<>();
  private final Consumer<List<DeadLetter>> onChange;

  /** A store without listener. */
  public InMemoryDeadLetterStore() {
    this(all -> {});
  }

  /**
   * A store that calls {@code onChange} with all dead letters after every change.
   *
   * @throws NullPointerException if {@code onChange} is null
   */
  public InMemoryDeadLetterStore(Consumer<List<DeadLetter>> onChange) {
    this.onChange = Objects.requireNonNull(onChange, "onChange");
  }

  /** Loads dead letters without notifying the listener (start-up). */
  synchronized void load(List<DeadLetter> deadLetters) {
    deadLetters.forEach(d -> byId.put(d.id(), d));
  }

  @Override
  public synchronized void writeAll(List<DeadLetter> deadLetters) {
    for (DeadLetter d : deadLetters) {
      byId.put(d.id(), d);
    }
    if (!deadLetters.isEmpty()) {
      onChange.accept(new ArrayList<>(byId.values()));
    }
  }

  @Override
  public synchronized List<DeadLetter> list(String partition, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    List<DeadLetter> out = new ArrayList<>();
    for (DeadLetter d : byId.values()) {
      if (out.size() == limit) {
        break;
      }
      if (partition == null || partition.equals(d.partition())) {
        out.add(d);
      }
    }
    return out;
  }

  @Override
  public synchronized long count() {
    return byId.size();
  }

  @Override
  public synchronized void delete(DeadLetter deadLetter) {
    if (byId.remove(deadLetter.id()) != null) {
      onChange.accept(new ArrayList<>(byId.values()));
    }
  }
}
