package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosDatabase;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.MetricStore;
import com.pulse.app.port.MetricWindowStore;
import com.pulse.app.port.HeldDigestStore;
import com.pulse.app.port.LogWindowStore;
import com.pulse.app.port.NotificationStateStore;
import com.pulse.app.port.PartitionProgressStore;
import com.pulse.app.port.WindowStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Cosmos DB stores of one database, sharing one client (docs/ARCHITECTURE.md §2: containers {@code metrics},
 * {@code jobs}, {@code windows}, {@code deadletter}, {@code notifications}, {@code progress}). Every store call reports
 * its request charge (RU) and throttling to {@link CosmosTelemetry} and runs in a {@link PulseTracing}
 * span. Thread-safe, like the client.
 *
 * @param client the shared client (close it on shutdown)
 * @param metrics metric points and job state
 * @param windows telemetry window documents
 * @param deadLetters dead-lettered events
 * @param notifications notification state per tenant
 * @param heldDigests undelivered digests per recipient (same container as {@code notifications})
 * @param metricWindows OTLP metric windows and stream state (same container as {@code windows})
 * @param logWindows OTLP log windows (same container as {@code windows})
 * @param progress per-partition progress of deferred aggregation (container {@code progress})
 */
public record CosmosStores(CosmosClient client, MetricStore metrics, WindowStore windows,
    DeadLetterStore deadLetters, NotificationStateStore notifications, HeldDigestStore heldDigests,
    MetricWindowStore metricWindows, LogWindowStore logWindows, PartitionProgressStore progress) {
  /** Lifetime of minute-window documents after their last write. */
  public static final Duration MINUTE_WINDOW_TTL = Duration.ofDays(7);

  /** @throws NullPointerException if an argument is null */
  public CosmosStores {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(windows, "windows");
    Objects.requireNonNull(deadLetters, "deadLetters");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(heldDigests, "heldDigests");
    Objects.requireNonNull(metricWindows, "metricWindows");
    Objects.requireNonNull(logWindows, "logWindows");
    Objects.requireNonNull(progress, "progress");
  }

  /**
   * The stores of database {@code databaseId} on {@code client}.
   *
   * @param createIfMissing create the database and containers when missing (local emulator, tests)
   * @throws com.pulse.app.port.DependencyException if creating missing containers fails transiently
   * @throws NullPointerException if an argument is null
   */
  public static CosmosStores open(CosmosClient client, String databaseId, boolean createIfMissing,
      CosmosTelemetry telemetry, PulseTracing tracing) {
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(tracing, "tracing");
    CosmosDatabase database = CosmosContainers.open(client, databaseId, createIfMissing);
    Function<String, CosmosCalls> calls = container -> new CosmosCalls(container, telemetry, tracing);
    return new CosmosStores(client,
        new CosmosMetricStore(database.getContainer(CosmosContainers.METRICS), database.getContainer(CosmosContainers.JOBS),
            calls.apply(CosmosContainers.METRICS), calls.apply(CosmosContainers.JOBS)),
        new CosmosWindowStore(database.getContainer(CosmosContainers.WINDOWS), calls.apply(CosmosContainers.WINDOWS),
            MINUTE_WINDOW_TTL),
        new CosmosDeadLetterStore(database.getContainer(CosmosContainers.DEADLETTER),
            calls.apply(CosmosContainers.DEADLETTER)),
        new CosmosNotificationStateStore(database.getContainer(CosmosContainers.NOTIFICATIONS),
            calls.apply(CosmosContainers.NOTIFICATIONS)),
        new CosmosHeldDigestStore(database.getContainer(CosmosContainers.NOTIFICATIONS),
            calls.apply(CosmosContainers.NOTIFICATIONS)),
        new CosmosMetricWindowStore(database.getContainer(CosmosContainers.WINDOWS), calls.apply(CosmosContainers.WINDOWS),
            MINUTE_WINDOW_TTL),
        new CosmosLogWindowStore(database.getContainer(CosmosContainers.WINDOWS), calls.apply(CosmosContainers.WINDOWS),
            MINUTE_WINDOW_TTL),
        new CosmosPartitionProgressStore(database.getContainer(CosmosContainers.PROGRESS),
            calls.apply(CosmosContainers.PROGRESS), Clock.systemUTC()));
  }
}
