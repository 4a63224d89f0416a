package com.pulse.adapter.cosmos;

import com.pulse.app.port.MetricWindowStore;
import com.pulse.app.port.MetricWindowStoreContract;

/**
 * {@link MetricWindowStoreContract} against Cosmos DB (local {@code @vercel/cosmosdb-server}, HTTPS,
 * gateway mode): the documents share the {@code windows} container with request windows.
 */
class CosmosMetricWindowStoreIntegrationTest extends MetricWindowStoreContract {
  /** The local server cannot answer the Java SDK's query-plan request; see {@link CosmosQueriesTest}. */
  @Override
  protected boolean supportsQueries() {
    return false;
  }

  @Override
  protected MetricWindowStore newStore() {
    return CosmosFixture.freshStores().metricWindows();
  }
}
