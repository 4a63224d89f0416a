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

    String now = Instant.now().toString();
    TelemetryBatch batch = new TelemetryBatch("0", List.of(new TelemetryEvent(("{\"tenantId\":\"t1\",\"service\":\"checkout\","
        + "\"operation\":\"GET /\",\"timestamp\":\"" + now + "\",\"durationMs\":5,\"status\":\"ok\"}")
        .getBytes(StandardCharsets.UTF_8), 1, "1", Instant.parse(now), "application/json", Map.of())));

    assertThat(root(server, database, first).aggregateBatch().handle(batch).documentsWritten()).isEqualTo(2);
    // another root (another local folder) finds the windows already holding the event: they are in Cosmos DB
    var again = root(server, database, second).aggregateBatch().handle(batch);
    assertThat(again.documentsWritten()).isZero();
    assertThat(again.documentsSkipped()).isEqualTo(2);
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
