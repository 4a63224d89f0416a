package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosException;
import com.pulse.app.observability.PulseTracing;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Runs the Cosmos DB calls of one container: a CLIENT span per call, the request charge (RU) of
 * every response and failure recorded as {@code pulse.cosmos.request_charge}{container, operation},
 * a 429 that outlived the SDK's retries counted as {@code pulse.cosmos.throttled}{container} (both
 * {@link CosmosTelemetry}), and
 * {@link CosmosException} translated by {@link CosmosFailures}. Thread-safe.
 */
public final class CosmosCalls {
  static final String SYSTEM = "cosmosdb";

  private final String container;
  private final CosmosTelemetry telemetry;
  private final PulseTracing tracing;

  /**
   * @param container container name (metric attribute and span name)
   * @throws NullPointerException if an argument is null
   */
  public CosmosCalls(String container, CosmosTelemetry telemetry, PulseTracing tracing) {
    this.container = Objects.requireNonNull(container, "container");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.tracing = Objects.requireNonNull(tracing, "tracing");
  }

  /** Container name. */
  public String container() {
    return container;
  }

  /**
   * Runs {@code call}, recording {@code chargeOf(result)} RU.
   *
   * @throws com.pulse.app.port.DependencyException on a transient failure
   * @throws IllegalStateException on any other Cosmos DB failure
   */
  public <T> T call(String operation, Supplier<T> call, ToDoubleFunction<T> chargeOf) {
    return call(operation, call, chargeOf, 0, null);
  }

  /**
   * Runs {@code call}; a failure with status {@code expectedStatus} (e.g. 404 on a point read, 409
   * on a create, 412 on a conditional replace) is not an error of the store: its charge is recorded
   * and {@code onExpected} supplies the result (or throws the port's exception).
   *
   * @throws com.pulse.app.port.DependencyException on a transient failure
   * @throws IllegalStateException on any other Cosmos DB failure
   */
  public <T> T call(String operation, Supplier<T> call, ToDoubleFunction<T> chargeOf, int expectedStatus,
      Function<CosmosException, T> onExpected) {
    return tracing.storeCall(SYSTEM, container, operation, () -> {
      try {
        T result = call.get();
        charge(operation, chargeOf.applyAsDouble(result));
        return result;
      } catch (CosmosException e) {
        charge(operation, e.getRequestCharge());
        if (onExpected != null && e.getStatusCode() == expectedStatus) {
          return onExpected.apply(e);
        }
        if (e.getStatusCode() == 429) {
          telemetry.throttled(container);
        }
        throw CosmosFailures.translate(container, operation, e);
      }
    });
  }

  /** Records {@code requestChargeRu} for {@code operation} (used for bulk item results). */
  public void charge(String operation, double requestChargeRu) {
    telemetry.requestCharge(container, operation, requestChargeRu);
  }

  /** Counts a throttled request (used for bulk item results). */
  public void throttled() {
    telemetry.throttled(container);
  }
}
