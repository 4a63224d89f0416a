package com.pulse.adapter.cosmos;

import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.DeadLetterStoreContract;

/** {@link DeadLetterStoreContract} against Cosmos DB (local {@code @vercel/cosmosdb-server}, HTTPS, gateway mode). */
class CosmosDeadLetterStoreIntegrationTest extends DeadLetterStoreContract {
  /** The local server cannot answer the Java SDK's query-plan request; see {@link CosmosQueriesTest}. */
  @Override
  protected boolean supportsQueries() {
    return false;
  }

  @Override
  protected DeadLetterStore newStore() {
    return CosmosFixture.freshStores().deadLetters();
  }
}
