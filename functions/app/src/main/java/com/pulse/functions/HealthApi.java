package com.pulse.functions;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.pulse.app.api.HealthCheck;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/health}: store reachability, last run per metric job, dead-letter count.
 * 200 when the store answers (body {@code status} is {@code ok} or {@code degraded}), 503 with the
 * same report shape ({@code status: unavailable}) when it does not.
 */
public final class HealthApi {
  private final HealthCheck useCase;

  /** Built by {@link FunctionInjector}. @throws NullPointerException if {@code useCase} is null */
  public HealthApi(HealthCheck useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  /** Handles one request. */
  @FunctionName("Health")
  public HttpResponseMessage run(
      @HttpTrigger(name = "request", methods = {HttpMethod.GET}, authLevel = AuthorizationLevel.FUNCTION,
          route = "health") HttpRequestMessage<Optional<String>> request) {
    HealthCheck.Report report = useCase.check();
    return HttpJson.json(request, report.storeReachable() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, report);
  }
}
