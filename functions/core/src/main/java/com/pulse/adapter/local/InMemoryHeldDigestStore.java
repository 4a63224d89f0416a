package com.pulse.adapter.local;

import com.pulse.app.port.HeldDigestStore;
import com.pulse.domain.notify.DigestEmail;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** In-process {@link HeldDigestStore} for tests. Thread-safe. */
public final class InMemoryHeldDigestStore implements HeldDigestStore {
  private final ConcurrentMap<String, List<DigestEmail>> held = new ConcurrentHashMap<>();

  @Override
  public List<DigestEmail> held(String recipient) {
    return held.getOrDefault(Objects.requireNonNull(recipient, "recipient"), List.of());
  }

  @Override
  public void hold(String recipient, List<DigestEmail> digests) {
    List<DigestEmail> kept = HeldDigests.newest(digests);
    if (kept.isEmpty()) {
      held.remove(recipient);
    } else {
      held.put(recipient, kept);
    }
  }
}
