package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.models.CosmosContainerProperties;
import java.util.List;

/**
 * Pulse's Cosmos DB containers (docs/ARCHITECTURE.md §2) and their optional creation. In Azure, Bicep creates the
 * database and containers and the app's identity holds only the data-plane role "Cosmos DB Built-in
 * Data Contributor", which cannot create resources; creation here is for local servers and dev
 * accounts ({@code COSMOS_CREATE_IF_MISSING=true}). Throughput is left to the database/account
 * (serverless or shared autoscale).
 */
public final class CosmosContainers {
  /** Metric points and the per-tenant latest-points document, pk {@code /tenantId}. */
  public static final String METRICS = "metrics";
  /** Telemetry window state, pk {@code /tenantId}; TTL on, per document ({@code ttl} on minute windows). */
  public static final String WINDOWS = "windows";
  /** Per-metric job state, pk {@code /metric}. */
  public static final String JOBS = "jobs";
  /** Dead-lettered events, pk {@code /partition}; default TTL {@link #DEAD_LETTER_TTL_SECONDS}. */
  public static final String DEADLETTER = "deadletter";
  /** Notification dedup state, pk {@code /tenantId}, id = tenant id. */
  public static final String NOTIFICATIONS = "notifications";
  /** Per-(scope, source partition) progress of deferred aggregation, pk {@code /scope}, id = partition id. */
  public static final String PROGRESS = "progress";

  /** Default TTL of dead letters: 30 days, time enough to inspect and replay them. */
  public static final int DEAD_LETTER_TTL_SECONDS = 30 * 24 * 3600;

  /**
   * One container: name, partition key path, default TTL in seconds (null = TTL off; -1 = on, no
   * default, documents expire only with their own {@code ttl}).
   */
  public record Spec(String name, String partitionKeyPath, Integer defaultTtlSeconds) {}

  /** Every container Pulse uses. */
  public static final List<Spec> ALL = List.of(
      new Spec(METRICS, "/tenantId", null),
      new Spec(WINDOWS, "/tenantId", -1),
      new Spec(JOBS, "/metric", null),
      new Spec(DEADLETTER, "/partition", DEAD_LETTER_TTL_SECONDS),
      new Spec(NOTIFICATIONS, "/tenantId", null),
      new Spec(PROGRESS, "/scope", null));

  private CosmosContainers() {}

  /**
   * The database, after creating it and every container in {@link #ALL} when missing if
   * {@code createIfMissing}. Existing containers are left as they are.
   *
   * @throws com.pulse.app.port.DependencyException on a transient failure while creating
   * @throws IllegalStateException if creation is refused (e.g. missing control-plane role)
   */
  public static CosmosDatabase open(CosmosClient client, String databaseId, boolean createIfMissing) {
    if (!createIfMissing) {
      return client.getDatabase(databaseId);
    }
    try {
      client.createDatabaseIfNotExists(databaseId);
      CosmosDatabase database = client.getDatabase(databaseId);
      for (Spec spec : ALL) {
        CosmosContainerProperties properties = new CosmosContainerProperties(spec.name(), spec.partitionKeyPath());
        if (spec.defaultTtlSeconds() != null) {
          properties.setDefaultTimeToLiveInSeconds(spec.defaultTtlSeconds());
        }
        database.createContainerIfNotExists(properties);
      }
      return database;
    } catch (com.azure.cosmos.CosmosException e) {
      throw CosmosFailures.translate(databaseId, "create database and containers", e);
    }
  }
}
