package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.pulse.app.port.NotificationStateStore;
import com.pulse.app.port.Versioned;
import com.pulse.domain.notify.NotificationState;
import java.util.Optional;

/**
 * {@link NotificationStateStore} on Cosmos DB container {@code notifications} (pk {@code /tenantId},
 * id = tenant id): one point read and one upsert per tenant and run. Thread-safe.
 */
public final class CosmosNotificationStateStore implements NotificationStateStore {
  private final ItemAccess<NotificationState> states;

  /**
   * @param container container {@code notifications}
   * @param calls its call wrapper
   */
  public CosmosNotificationStateStore(CosmosContainer container, CosmosCalls calls) {
    this.states = new ItemAccess<>(container, calls, NotificationState.class);
  }

  @Override
  public Optional<NotificationState> read(String tenantId) {
    return states.read(tenantId, tenantId).map(Versioned::value);
  }

  @Override
  public void write(NotificationState state) {
    states.upsert(state.tenantId(), CosmosDocuments.toDocument(state, state.tenantId()));
  }
}
