package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.pulse.app.api.TelemetryRange;
import com.pulse.app.api.TenantTelemetry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/tenants/{tenantId}/telemetry?from=<ISO instant>&to=<ISO instant>[&granularity=PT1M|PT1H]}:
 * the tenant's telemetry windows starting in {@code [from, to)}, merged across partitions.
 * 200 {@code {"tenantId","from","to","granularity","windows":[MergedWindow...]}}; 400 missing or bad
 * dates, {@code from >= to}, range too long, unknown granularity; 401/403 as
 * {@link TenantMetricsApi}; 503 store unavailable.
 */
public final class TenantTelemetryApi {
  private final TenantTelemetry useCase;

  /** Built by {@link FunctionInjector}. @throws NullPointerException if {@code useCase} is null */
  public TenantTelemetryApi(TenantTelemetry useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  /** Handles one request. */
  @FunctionName("TenantTelemetry")
  public HttpResponseMessage run(
      @HttpTrigger(name = "request", methods = {HttpMethod.GET}, authLevel = AuthorizationLevel.FUNCTION,
          route = "tenants/{tenantId}/telemetry") HttpRequestMessage<Optional<String>> request,
      @BindingName("tenantId") String tenantId,
      ExecutionContext context) {
    return HttpJson.respond(request, context.getLogger(), () -> {
      Map<String, String> q = request.getQueryParameters();
      TelemetryRange range = TelemetryRange.parse(tenantId, q.get("from"), q.get("to"), q.get("granularity"));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("tenantId", range.tenantId());
      body.put("from", range.from());
      body.put("to", range.to());
      body.put("granularity", range.granularity());
      body.put("windows", useCase.query(HttpJson.principal(request), range));
      return body;
    });
  }
}
