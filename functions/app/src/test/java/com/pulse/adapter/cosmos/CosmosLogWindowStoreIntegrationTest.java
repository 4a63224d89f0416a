package com.pulse.adapter.cosmos;

import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.LogWindowStore;
import com.pulse.app.port.LogWindowStoreContract;
import java.util.UUID;

/** {@link LogWindowStoreContract} against Cosmos DB (local {@code @vercel/cosmosdb-server}, HTTPS, gateway mode). */
class CosmosLogWindowStoreIntegrationTest extends LogWindowStoreContract {
  /** The local server cannot answer the Java SDK's query-plan request; see {@link CosmosQueriesTest}. */
  @Override
  protected boolean supportsQueries() {
    return false;
  }

  @Override
  protected LogWindowStore newStore() {
    String database = "pulse-" + UUID.randomUUID();
    CosmosStores stores = CosmosStores.open(CosmosFixture.client(), database, true, CosmosTelemetry.noop(),
        PulseTracing.noop());
    return CosmosLogWindowStore.open(stores, database, CosmosTelemetry.noop(), PulseTracing.noop());
  }
}
