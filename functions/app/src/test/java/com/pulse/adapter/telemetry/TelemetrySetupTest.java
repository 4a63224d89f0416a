package com.pulse.adapter.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class TelemetrySetupTest {
  /** Unroutable ingestion endpoint: nothing leaves the machine. */
  private static final String CONNECTION_STRING = "InstrumentationKey=00000000-0000-0000-0000-000000000000;"
      + "IngestionEndpoint=https://127.0.0.1:9/;LiveEndpoint=https://127.0.0.1:9/";

  @Test
  void withoutAConnectionStringNothingIsRecordedOrExported() {
    assertThat(TelemetrySetup.create(null, null)).isSameAs(OpenTelemetry.noop());
    assertThat(TelemetrySetup.create("  ", null)).isSameAs(OpenTelemetry.noop());
  }

  @Test
  void withAConnectionStringTheAzureMonitorSdkIsBuiltWithTheCredential() {
    AtomicInteger tokenRequests = new AtomicInteger();
    TokenCredential credential = request -> {
      tokenRequests.incrementAndGet();
      return Mono.just(new AccessToken("t", OffsetDateTime.now().plusHours(1)));
    };
    OpenTelemetry otel = TelemetrySetup.create(CONNECTION_STRING, credential);
    try {
      assertThat(otel).isInstanceOf(OpenTelemetrySdk.class);
      OpenTelemetrySdk sdk = (OpenTelemetrySdk) otel;
      assertThat(sdk.getSdkTracerProvider().toString()).contains("service.name=\"pulse\"", "AzureMonitor");
      assertThat(sdk.getPropagators().getTextMapPropagator().fields()).contains("traceparent");
    } finally {
      ((OpenTelemetrySdk) otel).close();
    }
  }

  @Test
  void aConnectionStringWithoutACredentialIsRejected() {
    assertThatThrownBy(() -> TelemetrySetup.create(CONNECTION_STRING, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("credential");
  }
}
