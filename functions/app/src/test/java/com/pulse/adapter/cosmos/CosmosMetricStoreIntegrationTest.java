package com.pulse.adapter.cosmos;

import com.pulse.app.port.MetricStore;
import com.pulse.app.port.MetricStoreContract;

/** {@link MetricStoreContract} against Cosmos DB (local {@code @vercel/cosmosdb-server}, HTTPS, gateway mode). */
class CosmosMetricStoreIntegrationTest extends MetricStoreContract {
  @Override
  protected MetricStore newStore() {
    return CosmosFixture.freshStores().metrics();
  }
}
