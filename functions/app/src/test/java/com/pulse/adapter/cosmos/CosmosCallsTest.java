package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosException;
import com.pulse.app.observability.InMemoryTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.DependencyException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Error translation, RU and throttling metrics, and spans of {@link CosmosCalls} (real SDK exceptions with service headers). */
class CosmosCallsTest {
  private final InMemoryTelemetry otel = new InMemoryTelemetry();
  private final CosmosCalls calls = new CosmosCalls("windows",
      CosmosTelemetry.create(otel.sdk), PulseTracing.create(otel.sdk));

  @AfterEach
  void close() {
    otel.close();
  }

  /** A real CosmosException with the service's headers (its constructors are protected, hence the subclass). */
  private static CosmosException cosmosException(int status, double charge, Duration retryAfter) {
    Map<String, String> headers = Map.of(
        "x-ms-request-charge", String.valueOf(charge),
        "x-ms-retry-after-ms", String.valueOf(retryAfter.toMillis()));
    return new CosmosException(status, "status " + status, headers, null) {
      private static final long serialVersionUID = 1L;
    };
  }

  private double charge(String operation) {
    MetricData data = otel.collect().get("pulse.cosmos.request_charge");
    return data.getDoubleSumData().getPoints().stream()
        .filter(p -> operation.equals(p.getAttributes().get(AttributeKey.stringKey("operation"))))
        .mapToDouble(p -> p.getValue()).sum();
  }

  @Test
  void successRecordsTheResponseChargeAndASpan() {
    assertThat(calls.call("read", () -> "doc", ignored -> 1.24)).isEqualTo("doc");
    assertThat(charge("read")).isEqualTo(1.24);
    assertThat(otel.spans.getFinishedSpanItems()).singleElement()
        .satisfies(span -> assertThat(span.getName()).isEqualTo("read windows"));
  }

  @Test
  void throttlingAfterTheSdksRetriesBecomesARetryableDependencyFailureWithTheServiceBackOff() {
    CosmosException throttled = cosmosException(429, 0.5, Duration.ofMillis(1_200));
    assertThatThrownBy(() -> calls.call("replace", () -> { throw throttled; }, ignored -> 0))
        .isInstanceOfSatisfying(DependencyException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(429);
          assertThat(e.retryAfter()).contains(Duration.ofMillis(1_200));
          assertThat(e.getCause()).isSameAs(throttled);
          assertThat(e.getMessage()).contains("replace", "windows", "429");
        });
    Map<String, MetricData> collected = otel.collect();
    assertThat(collected.get("pulse.cosmos.throttled").getLongSumData().getPoints()).singleElement()
        .satisfies(p -> assertThat(p.getValue()).isEqualTo(1));
    assertThat(otel.spans.getFinishedSpanItems()).singleElement()
        .satisfies(span -> assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
  }

  @Test
  void serverErrorsAndTimeoutsAreRetryableWithoutBackOff() {
    for (int status : new int[] {408, 449, 500, 503, 0}) {
      CosmosException failure = cosmosException(status, 0, Duration.ZERO);
      assertThatThrownBy(() -> calls.call("upsert", () -> { throw failure; }, ignored -> 0))
          .isInstanceOfSatisfying(DependencyException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.retryAfter()).isEmpty();
          });
    }
  }

  @Test
  void permanentFailuresAreIllegalState() {
    for (int status : new int[] {400, 403, 404, 413}) {
      CosmosException failure = cosmosException(status, 0, Duration.ZERO);
      assertThatThrownBy(() -> calls.call("upsert", () -> { throw failure; }, ignored -> 0))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining(String.valueOf(status));
    }
  }

  @Test
  void anExpectedStatusIsAResultAndItsChargeIsStillRecorded() {
    CosmosException notFound = cosmosException(404, 1.0, Duration.ZERO);
    String result = calls.call("read", () -> { throw notFound; }, ignored -> 0, 404, e -> "absent");
    assertThat(result).isEqualTo("absent");
    assertThat(charge("read")).isEqualTo(1.0);
  }
}
