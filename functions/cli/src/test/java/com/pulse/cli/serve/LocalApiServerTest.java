package com.pulse.cli.serve;

import com.pulse.domain.telemetry.aggregate.TenantWindows;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.api.ClientPrincipal;
import com.pulse.app.api.HealthCheck;
import com.pulse.app.api.TenantAccess;
import com.pulse.app.api.TenantMetrics;
import com.pulse.app.api.TenantSlos;
import com.pulse.app.api.TenantTelemetry;
import com.pulse.app.slo.TenantSloReader;
import com.pulse.domain.notify.NotifyFixtures;
import com.pulse.domain.slo.BurnRateEvaluator;
import com.pulse.domain.slo.BurnRateRule;
import com.pulse.domain.slo.SloStreams;
import com.pulse.domain.tenant.TenantDirectory;
import com.pulse.domain.tenant.TenantsLoader;
import com.pulse.functions.HealthApi;
import com.pulse.functions.TenantMetricsApi;
import com.pulse.functions.TenantSlosApi;
import com.pulse.functions.TenantTelemetryApi;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pulse serve}'s server: the function classes over loopback HTTP, with real authorization. */
class LocalApiServerTest {
  private static final TenantDirectory TENANTS = TenantsLoader.parse("t.yaml", new StringReader("""
      defaults: {owners: [ce@example.com], tier: std}
      tiers:
        std:
          - {name: availability, sli: availability, service: checkout, objective: 0.99}
      tenants:
        - {id: t1, name: Northwind, tier: std, owners: [ana@example.com]}
      """));
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  private LocalApiServer server(String defaultPrincipal) throws Exception {
    InMemoryMetricStore metrics = new InMemoryMetricStore();
    metrics.upsertPoints(List.of(NotifyFixtures.onTime("t1", "eu", Instant.parse("2026-11-19T00:00:00Z"), 0.93)));
    InMemoryWindowStore windows = new InMemoryWindowStore();
    TenantWindows.documentsOf(SloStreams.minutes("t1", Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-20T10:00:00Z"), 50, 0.002,
        Instant.parse("2026-11-20T09:20:00Z"), Instant.parse("2026-11-20T10:00:00Z"), 0.6, 1)).forEach(windows::create);
    Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    TenantAccess access = new TenantAccess(TENANTS);
    java.nio.file.Files.writeString(dir.resolve("report.html"), "<html>report</html>");
    return new LocalApiServer(0, new LocalApiServer.Handlers(
        new HealthApi(new HealthCheck(metrics, new InMemoryDeadLetterStore(), () -> List.of(NotifyFixtures.ON_TIME), clock)),
        new TenantMetricsApi(new TenantMetrics(metrics, access)),
        new TenantTelemetryApi(new TenantTelemetry(windows, access)),
        new TenantSlosApi(new TenantSlos(new TenantSloReader(windows, TENANTS, new BurnRateEvaluator(BurnRateRule.DEFAULTS)),
            access, clock))), defaultPrincipal, dir.resolve("report.html"));
  }

  private HttpResponse<String> get(LocalApiServer server, String path, String principal) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (principal != null) {
      b.header("X-MS-CLIENT-PRINCIPAL", principal);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheSameHandlersWithAuthorizationAndTheReport() throws Exception {
    try (LocalApiServer server = server(null)) {
      assertThat(get(server, "/api/tenants/t1/metrics", null).statusCode()).isEqualTo(401);
      String bo = ClientPrincipal.encode("bo@example.com", Set.of("Pulse.CustomerEngineer"), Set.of());
      assertThat(get(server, "/api/tenants/t1/metrics", bo).statusCode()).isEqualTo(403);

      String ana = ClientPrincipal.encode("ana@example.com", Set.of("Pulse.CustomerEngineer"), Set.of());
      HttpResponse<String> metrics = get(server, "/api/tenants/t1/metrics", ana);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(metrics.body()).contains("\"tenantId\":\"t1\"").contains("on_time_rate");

      HttpResponse<String> slos = get(server, "/api/tenants/t1/slos", ana);
      assertThat(slos.statusCode()).isEqualTo(200);
      assertThat(slos.body()).contains("\"firing\":[\"fast\",\"slow\"]");

      HttpResponse<String> telemetry = get(server, "/api/tenants/t1/telemetry?from=2026-11-20T09:00:00Z&to=2026-11-20T09:05:00Z", ana);
      assertThat(telemetry.statusCode()).isEqualTo(200);
      assertThat(telemetry.body()).contains("\"granularity\":\"PT1M\"").contains("POST /orders");

      assertThat(get(server, "/api/health", null).body()).contains("\"status\":\"ok\"");
      assertThat(get(server, "/", null).body()).isEqualTo("<html>report</html>");
      assertThat(get(server, "/nope", null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void requestsWithoutAPrincipalActAsTheDefaultOne() throws Exception {
    String operator = ClientPrincipal.encode("local-operator@localhost", Set.of("Pulse.Operator"), Set.of());
    try (LocalApiServer server = server(operator)) {
      assertThat(get(server, "/api/tenants/t1/metrics", null).statusCode()).isEqualTo(200);
      assertThat(get(server, "/api/tenants/t9/metrics", null).statusCode()).isEqualTo(404);
    }
  }
}
