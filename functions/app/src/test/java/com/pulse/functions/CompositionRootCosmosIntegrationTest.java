package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.cosmos.CosmosTestServer;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import com.pulse.config.PulseConfig;
import com.pulse.config.Setting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root wires working Cosmos DB stores from app settings alone (local HTTPS server, gateway mode). */
class CompositionRootCosmosIntegrationTest {
  @Test
  void cosmosStoresAreBuiltFromSettings(@TempDir Path first, @TempDir Path second) {
    CosmosTestServer server = CosmosTestServer.shared();
    String database = "pulse-" + UUID.randomUUID();

    CompositionRoot writer = root(server, database, first);
    assertThat(writer.healthCheck().check().storeReachable()).isTrue();
    writer.aggregateBatch().handle(new TelemetryBatch("0", List.of(new TelemetryEvent(
        "not json".getBytes(StandardCharsets.UTF_8), 1, "1", Instant.now(), "application/json", Map.of()))));

    // another root (another local folder) sees the dead letter: it is in Cosmos DB, not in a local file
    assertThat(root(server, database, second).healthCheck().check().deadLetters()).isEqualTo(1);
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
