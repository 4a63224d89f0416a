package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.cosmos.CosmosStores;
import com.pulse.adapter.cosmos.CosmosTestServer;
import com.pulse.config.Settings;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.notify.NotificationState;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The root wires working Cosmos DB stores from app settings alone (local HTTPS server, gateway mode). */
class CompositionRootCosmosIntegrationTest {
  @Test
  void cosmosStoresAreBuiltFromSettings() {
    CosmosTestServer server = CosmosTestServer.shared();
    Map<String, String> settings = Map.of(
        Settings.COSMOS_ENDPOINT, server.endpoint(),
        Settings.COSMOS_DATABASE, "pulse-" + UUID.randomUUID(),
        Settings.COSMOS_CREATE_IF_MISSING, "true",
        Settings.COSMOS_CONNECTION_MODE, "gateway");

    CompositionRoot root = CompositionRoot.create(settings, Clock.systemUTC(), CosmosTestServer.dummyCredential());

    CosmosStores stores = root.cosmos().orElseThrow();
    assertThat(root.metricStore()).isSameAs(stores.metrics());
    assertThat(root.windowStore()).isSameAs(stores.windows());
    assertThat(root.deadLetterStore()).isSameAs(stores.deadLetters());
    assertThat(root.notificationStateStore()).isSameAs(stores.notifications());
    JobState job = new JobState("orders", Instant.parse("2024-05-01T00:00:00Z"), "run-1", Instant.parse("2024-05-01T00:05:00Z"), "ok", null, 0);
    stores.metrics().writeJob(job);
    assertThat(stores.metrics().readJob("orders")).contains(job);
    NotificationState state = new NotificationState("acme", Map.of(), Instant.parse("2024-05-01T00:00:00Z"));
    stores.notifications().write(state);
    assertThat(stores.notifications().read("acme")).contains(state);
  }
}
