package com.pulse.adapter.cosmos;

import com.pulse.app.port.LogWindowStore;
import com.pulse.app.port.LogWindowStoreContract;

/** {@link LogWindowStoreContract} against Cosmos DB (local {@code @vercel/cosmosdb-server}, HTTPS, gateway mode). */
class CosmosLogWindowStoreIntegrationTest extends LogWindowStoreContract {
  /** The local server cannot answer the Java SDK's query-plan request; see {@link CosmosQueriesTest}. */
  @Override
  protected boolean supportsQueries() {
    return false;
  }

  @Override
  protected LogWindowStore newStore() {
    return CosmosFixture.freshStores().logWindows();
  }
}
