package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.app.observability.InMemoryTelemetry;
import com.pulse.app.observability.PulseTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Cosmos DB adapter's instruments keep the names, units and attributes the dashboards query. */
class CosmosTelemetryTest {
  private final InMemoryTelemetry otel = new InMemoryTelemetry();
  private final CosmosTelemetry telemetry = CosmosTelemetry.create(otel.sdk);

  @AfterEach
  void close() {
    otel.close();
  }

  private static Attributes attrs(String container, String operation) {
    return operation == null ? Attributes.of(AttributeKey.stringKey("container"), container)
        : Attributes.of(AttributeKey.stringKey("container"), container, AttributeKey.stringKey("operation"), operation);
  }

  @Test
  void requestChargeIsADoubleSumInRequestUnitsOnPulsesScope() {
    telemetry.requestCharge("windows", "replace", 10.29);
    telemetry.requestCharge("windows", "replace", 1.0);
    telemetry.requestCharge("windows", "read", 1.0);
    telemetry.requestCharge("windows", "read", Double.NaN);
    telemetry.requestCharge("windows", "read", 0);

    MetricData data = otel.collect().get("pulse.cosmos.request_charge");
    assertThat(data.getUnit()).isEqualTo("{RU}");
    assertThat(data.getInstrumentationScopeInfo().getName()).isEqualTo(PulseTelemetry.SCOPE);
    assertThat(data.getDoubleSumData().getPoints())
        .filteredOn(p -> p.getAttributes().equals(attrs("windows", "replace")))
        .singleElement().extracting(DoublePointData::getValue).isEqualTo(11.29);
    assertThat(data.getDoubleSumData().getPoints())
        .filteredOn(p -> p.getAttributes().equals(attrs("windows", "read")))
        .singleElement().extracting(DoublePointData::getValue).isEqualTo(1.0);
  }

  @Test
  void throttledCountsRequestsPerContainer() {
    telemetry.throttled("windows");
    telemetry.throttled("windows");
    telemetry.throttled("metrics");

    MetricData data = otel.collect().get("pulse.cosmos.throttled");
    assertThat(data.getUnit()).isEqualTo("{request}");
    assertThat(data.getLongSumData().getPoints())
        .filteredOn(p -> p.getAttributes().equals(attrs("windows", null)))
        .singleElement().extracting(LongPointData::getValue).isEqualTo(2L);
  }
}
