package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.pulse.app.api.TenantSlos;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/tenants/{tenantId}/slos[?at=<ISO instant>]}: the tenant's telemetry SLOs with SLI,
 * error budget remaining and burn rates per window. 200 {@code {"tenantId","slos":[SloStatus...]}};
 * 400 malformed tenant id or {@code at}; 401/403 as {@link TenantMetricsApi}; 503 store unavailable.
 */
public final class TenantSlosApi {
  private final TenantSlos useCase;

  /** Built by {@link FunctionInjector}. @throws NullPointerException if {@code useCase} is null */
  public TenantSlosApi(TenantSlos useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  /** Handles one request. */
  @FunctionName("TenantSlos")
  public HttpResponseMessage run(
      @HttpTrigger(name = "request", methods = {HttpMethod.GET}, authLevel = AuthorizationLevel.FUNCTION,
          route = "tenants/{tenantId}/slos") HttpRequestMessage<Optional<String>> request,
      @BindingName("tenantId") String tenantId,
      ExecutionContext context) {
    return HttpJson.respond(request, context.getLogger(), () -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("tenantId", tenantId);
      body.put("slos", useCase.statuses(HttpJson.principal(request), tenantId, request.getQueryParameters().get("at")));
      return body;
    });
  }
}
