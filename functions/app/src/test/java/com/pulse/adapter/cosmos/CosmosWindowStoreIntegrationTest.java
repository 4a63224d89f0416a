package com.pulse.adapter.cosmos;

import com.pulse.app.port.WindowStore;
import com.pulse.app.port.WindowStoreContract;

/** {@link WindowStoreContract} against Cosmos DB (local {@code @vercel/cosmosdb-server}, HTTPS, gateway mode). */
class CosmosWindowStoreIntegrationTest extends WindowStoreContract {
  /** The local server cannot answer the Java SDK's query-plan request; see {@link CosmosQueriesTest}. */
  @Override
  protected boolean supportsQueries() {
    return false;
  }

  @Override
  protected WindowStore newStore() {
    return CosmosFixture.freshStores().windows();
  }
}
