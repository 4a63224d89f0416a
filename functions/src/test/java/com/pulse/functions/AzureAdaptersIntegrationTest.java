package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.cosmos.CosmosTestServer;
import com.pulse.config.Settings;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.notify.NotificationState;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The factory wires working Cosmos DB stores from app settings alone (local HTTPS server, gateway mode). */
class AzureAdaptersIntegrationTest {
  @Test
  void cosmosStoresAreBuiltFromSettings() {
    CosmosTestServer server = CosmosTestServer.shared();
    Map<String, String> settings = Map.of(
        Settings.COSMOS_ENDPOINT, server.endpoint(),
        Settings.COSMOS_DATABASE, "pulse-" + UUID.randomUUID(),
        Settings.COSMOS_CREATE_IF_MISSING, "true",
        Settings.COSMOS_CONNECTION_MODE, "gateway");

    AzureAdapters adapters = AzureAdapters.fromSettings(settings::get, Clock.systemUTC(), CosmosTestServer.dummyCredential());

    AzureAdapters.CosmosStores stores = adapters.cosmos().orElseThrow();
    JobState job = new JobState("orders", Instant.parse("2024-05-01T00:00:00Z"), "run-1", Instant.parse("2024-05-01T00:05:00Z"), "ok", null, 0);
    stores.metrics().writeJob(job);
    assertThat(stores.metrics().readJob("orders")).contains(job);
    NotificationState state = new NotificationState("acme", Map.of(), Instant.parse("2024-05-01T00:00:00Z"));
    stores.notifications().write(state);
    assertThat(stores.notifications().read("acme")).contains(state);
  }
}
