package com.pulse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.app.telemetry.DeferralPolicy;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code host.json}'s Event Hubs settings against what the code assumes of them. */
class HostJsonTest {

  @Test
  void aFullBatchIsWhatTheHoldingPolicyCallsFull() throws IOException {
    JsonNode hub = new ObjectMapper().readTree(Files.readString(BicepSources.repositoryRoot().resolve("host.json")))
        .path("extensions").path("eventHubs");

    // DeferredAggregation writes at once after a batch smaller than this (the partition is drained):
    // if host.json delivered smaller batches, every batch would be written at once and nothing held;
    // if larger, a drained partition's batches would be held
    assertThat(hub.path("maxEventBatchSize").asInt()).isEqualTo(DeferralPolicy.DEFAULT.fullBatchEvents());
    assertThat(hub.path("batchCheckpointFrequency").asInt()).as("the host checkpoints every batch").isEqualTo(1);
  }
}
