package com.pulse.adapter.cosmos;

import com.azure.core.credential.TokenCredential;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosDiagnosticsThresholds;
import com.azure.cosmos.ThrottlingRetryOptions;
import com.azure.cosmos.models.CosmosClientTelemetryConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the process's {@link CosmosClient}: Entra ID auth with the app credential (no account
 * keys; the identity needs "Cosmos DB Built-in Data Contributor"), no content echoed on writes
 * (saves bandwidth; ETags still come back), and throttling retries that honour the service's
 * {@code x-ms-retry-after-ms} up to {@link #MAX_THROTTLE_RETRIES} attempts / {@link #MAX_THROTTLE_WAIT}
 * before a 429 surfaces (https://learn.microsoft.com/azure/cosmos-db/nosql/performance-tips-java-sdk-v4),
 * and diagnostics of slow, expensive or failed operations logged by {@link CosmosDiagnosticsLogger}.
 * The client is thread-safe; build one per process and share it.
 */
public final class CosmosClients {
  /** Retries of a throttled (429) request by the SDK before it fails. */
  public static final int MAX_THROTTLE_RETRIES = 9;
  /** Cumulative wait on throttled requests before the SDK gives up. */
  public static final Duration MAX_THROTTLE_WAIT = Duration.ofSeconds(30);

  /** A point operation slower than this logs its diagnostics (the SDK's default). */
  public static final Duration POINT_OPERATION_LATENCY_THRESHOLD = Duration.ofSeconds(1);
  /** A query, readMany or bulk call slower than this logs its diagnostics (the SDK's default). */
  public static final Duration NON_POINT_OPERATION_LATENCY_THRESHOLD = Duration.ofSeconds(3);
  /** An operation charging more request units than this logs its diagnostics (the SDK's default). */
  public static final float REQUEST_CHARGE_THRESHOLD_RU = 1000f;

  /** How the client connects (setting {@code COSMOS_CONNECTION_MODE}). */
  public enum ConnectionMode {
    /** TCP straight to the replicas: lowest latency and RU overhead, for Azure. */
    DIRECT,
    /** HTTPS through the account's gateway: local servers, emulators, restricted networks. */
    GATEWAY;

    /**
     * Parses {@code direct} or {@code gateway} (case-insensitive); null or blank is {@link #DIRECT}.
     *
     * @throws IllegalArgumentException naming the setting if the value is anything else
     */
    public static ConnectionMode parse(String value) {
      if (value == null || value.isBlank()) {
        return DIRECT;
      }
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "direct" -> DIRECT;
        case "gateway" -> GATEWAY;
        default -> throw new IllegalArgumentException(
            "COSMOS_CONNECTION_MODE must be 'direct' or 'gateway', was '" + value + "'");
      };
    }
  }

  private CosmosClients() {}

  /**
   * Builds a client. Connects lazily except for the account metadata read done at build time.
   *
   * @param endpoint account endpoint, e.g. {@code https://pulse.documents.azure.com:443/}
   * @param credential Entra ID credential
   * @param mode direct or gateway
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the endpoint is not a URL
   */
  public static CosmosClient create(String endpoint, TokenCredential credential, ConnectionMode mode) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(credential, "credential");
    CosmosClientBuilder builder = new CosmosClientBuilder()
        .endpoint(endpoint)
        .credential(credential)
        .contentResponseOnWriteEnabled(false)
        .throttlingRetryOptions(new ThrottlingRetryOptions()
            .setMaxRetryAttemptsOnThrottledRequests(MAX_THROTTLE_RETRIES)
            .setMaxRetryWaitTime(MAX_THROTTLE_WAIT))
        .clientTelemetryConfig(new CosmosClientTelemetryConfig()
            .diagnosticsThresholds(new CosmosDiagnosticsThresholds()
                .setPointOperationLatencyThreshold(POINT_OPERATION_LATENCY_THRESHOLD)
                .setNonPointOperationLatencyThreshold(NON_POINT_OPERATION_LATENCY_THRESHOLD)
                .setRequestChargeThreshold(REQUEST_CHARGE_THRESHOLD_RU))
            .diagnosticsHandler(new CosmosDiagnosticsLogger()))
        .userAgentSuffix("pulse");
    if (Objects.requireNonNull(mode, "mode") == ConnectionMode.GATEWAY) {
      builder.gatewayMode();
    } else {
      builder.directMode();
    }
    return builder.buildClient();
  }
}
