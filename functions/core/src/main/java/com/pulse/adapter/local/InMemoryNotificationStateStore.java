package com.pulse.adapter.local;

import com.pulse.app.port.NotificationStateStore;
import com.pulse.domain.notify.NotificationState;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** In-process {@link NotificationStateStore} for local runs and tests. Thread-safe. */
public final class InMemoryNotificationStateStore implements NotificationStateStore {
  private final ConcurrentMap<String, NotificationState> states = new ConcurrentHashMap<>();

  @Override
  public Optional<NotificationState> read(String tenantId) {
    return Optional.ofNullable(states.get(Objects.requireNonNull(tenantId, "tenantId")));
  }

  @Override
  public void write(NotificationState state) {
    states.put(state.tenantId(), state);
  }
}
