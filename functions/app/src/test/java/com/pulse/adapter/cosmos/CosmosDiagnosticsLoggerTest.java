package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.core.util.Context;
import com.azure.cosmos.CosmosDiagnosticsContext;
import com.pulse.testing.RecordingLogHandler;
import java.time.Duration;
import java.util.List;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mockito on the SDK's final diagnostics type: the local server is never slow enough to cross a threshold. */
class CosmosDiagnosticsLoggerTest {
  private final RecordingLogHandler capture = new RecordingLogHandler();
  private final List<LogRecord> records = capture.records();
  private final Logger logger = Logger.getLogger("com.pulse.adapter.cosmos");

  CosmosDiagnosticsLoggerTest() {
    logger.addHandler(capture);
  }

  @AfterEach
  void removeHandler() {
    logger.removeHandler(capture);
  }

  private static CosmosDiagnosticsContext diagnostics(boolean violated) {
    CosmosDiagnosticsContext context = mock(CosmosDiagnosticsContext.class);
    when(context.isThresholdViolated()).thenReturn(violated);
    when(context.getOperationType()).thenReturn("Replace");
    when(context.getContainerName()).thenReturn("windows");
    when(context.getStatusCode()).thenReturn(429);
    when(context.getSubStatusCode()).thenReturn(3200);
    when(context.getDuration()).thenReturn(Duration.ofMillis(1_750));
    when(context.getTotalRequestCharge()).thenReturn(12.5f);
    when(context.getRetryCount()).thenReturn(4);
    when(context.isFailure()).thenReturn(true);
    when(context.toJson()).thenReturn("{\"regions\":[\"westeurope\"]}");
    return context;
  }

  @Test
  void anOperationOverAThresholdIsLoggedWithItsDiagnostics() {
    new CosmosDiagnosticsLogger().handleDiagnostics(diagnostics(true), Context.NONE);
    assertThat(records).singleElement().satisfies(record -> assertThat(record.getMessage()).isEqualTo(
        "Cosmos DB Replace on windows crossed a diagnostics threshold: status 429/3200, 1750 ms, 12.50 RU,"
            + " 4 retries (failed): {\"regions\":[\"westeurope\"]}"));
  }

  @Test
  void anOrdinaryOperationIsNotLogged() {
    new CosmosDiagnosticsLogger().handleDiagnostics(diagnostics(false), Context.NONE);
    assertThat(records).isEmpty();
  }
}
