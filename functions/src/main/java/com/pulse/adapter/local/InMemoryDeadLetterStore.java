package com.pulse.adapter.local;

import com.pulse.app.port.DeadLetterStore;
import com.pulse.domain.telemetry.DeadLetter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-process {@link DeadLetterStore}: upsert by id, listing in first-stored order (a redelivered dead
 * letter keeps its place). Thread-safe (synchronized).
 */
public class InMemoryDeadLetterStore implements DeadLetterStore {
  private final Map<String, DeadLetter> byId = new LinkedHashMap<>();

  @Override
  public synchronized void writeAll(List<DeadLetter> deadLetters) {
    for (DeadLetter d : deadLetters) {
      byId.put(d.id(), d);
    }
    if (!deadLetters.isEmpty()) {
      changed();
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
      changed();
    }
  }

  /** All stored dead letters in order (called with the lock held). */
  protected final List<DeadLetter> snapshot() {
    return new ArrayList<>(byId.values());
  }

  /** Called with the lock held after a change; the file-backed subclass persists here. */
  protected void changed() {}
}
