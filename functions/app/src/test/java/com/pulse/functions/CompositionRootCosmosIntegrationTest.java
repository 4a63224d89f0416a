package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.cosmos.CosmosTestServer;
import com.pulse.config.PulseConfig;
import com.pulse.config.Setting;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.notify.NotificationState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root wires working Cosmos DB stores from app settings alone (local HTTPS server, gateway mode):
 * what one root writes, another root over the same settings (another local folder) reads, so the
 * state is in Cosmos DB, not in the process or a local file. Point operations only: the local server
 * cannot run the SDK's SQL queries (those paths have unit tests with a mocked container).
 */
class CompositionRootCosmosIntegrationTest {
  @Test
  void cosmosStoresAreBuiltFromSettings(@TempDir Path first, @TempDir Path second) {
    CosmosTestServer server = CosmosTestServer.shared();
    String database = "pulse-" + UUID.randomUUID();
    CompositionRoot.Stores writer = root(server, database, first).stores();
    CompositionRoot.Stores reader = root(server, database, second).stores();

    JobState job = new JobState("orders", Instant.parse("2024-05-01T00:00:00Z"), "run-1",
        Instant.parse("2024-05-01T00:05:00Z"), "ok", null, 0);
    writer.metrics().writeJob(job);
    assertThat(reader.metrics().readJobs(List.of("orders"))).containsEntry("orders", job);

    NotificationState state = new NotificationState("acme", Map.of(), Instant.parse("2024-05-01T00:00:00Z"));
    writer.notifications().write(state);
    assertThat(reader.notifications().read("acme")).contains(state);
  }

  private static CompositionRoot root(CosmosTestServer server, String database, Path localDir) {
    PulseConfig config = PulseConfig.parse(Map.of(
        Setting.COSMOS_ENDPOINT.key(), server.endpoint(),
        Setting.COSMOS_DATABASE.key(), database,
        Setting.COSMOS_CREATE_IF_MISSING.key(), "true",
        Setting.COSMOS_CONNECTION_MODE.key(), "gateway",
        Setting.PULSE_LOCAL_DIR.key(), localDir.toString()));
    return CompositionRoot.create(config, Clock.systemUTC(), Optional.empty(), CosmosTestServer::dummyCredential);
  }
}
