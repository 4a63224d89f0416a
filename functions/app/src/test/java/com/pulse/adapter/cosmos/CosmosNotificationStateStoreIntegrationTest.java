package com.pulse.adapter.cosmos;

import com.pulse.app.port.NotificationStateStore;
import com.pulse.app.port.NotificationStateStoreContract;

/** {@link NotificationStateStoreContract} against Cosmos DB (local {@code @vercel/cosmosdb-server}, HTTPS, gateway mode). */
class CosmosNotificationStateStoreIntegrationTest extends NotificationStateStoreContract {
  @Override
  protected NotificationStateStore newStore() {
    return CosmosFixture.freshStores().notifications();
  }
}
