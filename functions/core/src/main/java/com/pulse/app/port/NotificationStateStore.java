package com.pulse.app.port;

import com.pulse.domain.notify.NotificationState;
import java.util.Optional;

/**
 * Notification dedup state, one document per tenant (Cosmos container {@code notifications}).
 * Thread-safe; transient failures throw {@link DependencyException}.
 */
public interface NotificationStateStore {

  /** Point read of a tenant's state; empty if the tenant never had an episode. */
  Optional<NotificationState> read(String tenantId);

  /** Upserts a tenant's state. */
  void write(NotificationState state);
}
