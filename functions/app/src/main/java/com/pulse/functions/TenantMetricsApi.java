package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.pulse.app.api.TenantMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/tenants/{tenantId}/metrics}: the newest point of every metric of a tenant.
 * 200 {@code {"tenantId":"t1","points":[MetricPoint...]}}; 400 malformed tenant id; 401 no or
 * malformed {@code X-MS-CLIENT-PRINCIPAL}; 403 caller may not read the tenant
 * ({@link com.pulse.app.api.TenantAccess}); 404 tenant without metrics; 503 store unavailable.
 * Function key required; Entra ID (App Service authentication) in front of it in Azure.
 */
public final class TenantMetricsApi {
  private final TenantMetrics useCase;

  /** Built by {@link FunctionInjector}. @throws NullPointerException if {@code useCase} is null */
  public TenantMetricsApi(TenantMetrics useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  /** Handles one request. */
  @FunctionName("TenantMetrics")
  public HttpResponseMessage run(
      @HttpTrigger(name = "request", methods = {HttpMethod.GET}, authLevel = AuthorizationLevel.FUNCTION,
          route = "tenants/{tenantId}/metrics") HttpRequestMessage<Optional<String>> request,
      @BindingName("tenantId") String tenantId,
      ExecutionContext context) {
    return HttpJson.respond(request, context.getLogger(), () -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("tenantId", tenantId);
      body.put("points", useCase.latest(HttpJson.principal(request), tenantId));
      return body;
    });
  }
}
