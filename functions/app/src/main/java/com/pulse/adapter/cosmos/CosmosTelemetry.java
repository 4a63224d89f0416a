package com.pulse.adapter.cosmos;

import com.pulse.app.observability.PulseTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.Objects;

/**
 * The Cosmos DB adapter's own custom metrics, on Pulse's instrumentation scope
 * ({@link PulseTelemetry#SCOPE}) next to the use cases' instruments. Their names and attribute keys
 * are a contract like those of {@link PulseTelemetry}: the Workbooks and alert rules query them
 * from the Application Insights {@code AppMetrics} table ({@code CustomMetricNamesTest}).
 *
 * <table>
 *   <caption>Instruments</caption>
 *   <tr><th>name</th><th>kind, unit</th><th>attributes</th></tr>
 *   <tr><td>pulse.cosmos.request_charge</td><td>counter, {RU}</td><td>container, operation</td></tr>
 *   <tr><td>pulse.cosmos.throttled</td><td>counter, {request}</td><td>container</td></tr>
 * </table>
 *
 * <p>Thread-safe: OpenTelemetry instruments are. With {@link OpenTelemetry#noop()} every call is a
 * cheap no-op.
 */
public final class CosmosTelemetry {
  static final AttributeKey<String> CONTAINER = AttributeKey.stringKey("container");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("operation");

  private final DoubleCounter requestCharge;
  private final LongCounter throttled;

  private CosmosTelemetry(OpenTelemetry openTelemetry) {
    Meter meter = openTelemetry.getMeter(PulseTelemetry.SCOPE);
    requestCharge = meter.counterBuilder("pulse.cosmos.request_charge").ofDoubles()
        .setDescription("Cosmos DB request units consumed").setUnit("{RU}").build();
    throttled = meter.counterBuilder("pulse.cosmos.throttled")
        .setDescription("Cosmos DB requests that failed with 429 after the SDK's retries")
        .setUnit("{request}").build();
  }

  /**
   * Creates the instruments on {@code openTelemetry}.
   *
   * @throws NullPointerException if {@code openTelemetry} is null
   */
  public static CosmosTelemetry create(OpenTelemetry openTelemetry) {
    return new CosmosTelemetry(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  /** Instruments that record nothing (tests, tools). */
  public static CosmosTelemetry noop() {
    return new CosmosTelemetry(OpenTelemetry.noop());
  }

  /**
   * Adds the request charge of one operation on {@code container}; NaN, zero or negative is ignored.
   *
   * @param requestChargeRu the response's {@code x-ms-request-charge}, request units
   */
  public void requestCharge(String container, String operation, double requestChargeRu) {
    if (requestChargeRu > 0) {
      requestCharge.add(requestChargeRu, Attributes.of(CONTAINER, container, OPERATION, operation));
    }
  }

  /** Counts one request on {@code container} that was still throttled (429) after the SDK's retries. */
  public void throttled(String container) {
    throttled.add(1, Attributes.of(CONTAINER, container));
  }
}
