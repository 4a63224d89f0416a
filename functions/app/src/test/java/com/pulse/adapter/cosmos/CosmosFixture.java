package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosClient;
import com.pulse.app.observability.PulseTracing;

import java.util.UUID;

/** One client on the shared {@link CosmosTestServer}; every call to {@link #freshStores} gets a new database. */
final class CosmosFixture {
  private static CosmosClient client;

  private CosmosFixture() {}

  static synchronized CosmosClient client() {
    if (client == null) {
      client = CosmosTestServer.shared().newClient();
    }
    return client;
  }

  /** The production stores (built like {@code CompositionRoot} does) on a new, empty database. */
  static CosmosStores freshStores(CosmosTelemetry telemetry, PulseTracing tracing) {
    return CosmosStores.open(client(), "pulse-" + UUID.randomUUID(), true, telemetry, tracing);
  }

  static CosmosStores freshStores() {
    return freshStores(CosmosTelemetry.noop(), PulseTracing.noop());
  }
}
