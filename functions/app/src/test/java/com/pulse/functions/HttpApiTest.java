package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.pulse.app.api.HealthCheck;
import com.pulse.app.api.TenantMetrics;
import com.pulse.app.api.TenantTelemetry;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.notify.NotifyFixtures;
import com.pulse.domain.query.TestWindows;
import com.pulse.testing.SteppingClock;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiTest {
  private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
  private static final Instant T = Instant.parse("2026-11-21T05:00:00Z");
  private static final com.pulse.app.api.TenantAccess ACCESS = new com.pulse.app.api.TenantAccess(
      com.pulse.domain.tenant.TenantDirectory.ownedBy(List.of("ce@example.com")));
  private static final Map<String, String> OPERATOR = Map.of("x-ms-client-principal",
      com.pulse.app.api.ClientPrincipal.encode("oncall@example.com", java.util.Set.of("Pulse.Operator"), java.util.Set.of()));
  private final ObjectMapper json = new ObjectMapper();
  private final FakeStores stores = new FakeStores();
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-21T06:00:00Z"));

  private JsonNode body(HttpResponseMessage response) throws Exception {
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    return json.readTree((String) response.getBody());
  }

  private HttpResponseMessage metrics(String tenant) {
    return new TenantMetricsApi(new TenantMetrics(stores, ACCESS))
        .run(request("/api/tenants/" + tenant + "/metrics", OPERATOR, Map.of()), tenant,
            new FakeExecutionContext("TenantMetrics"));
  }

  private HttpResponseMessage telemetry(String tenant, Map<String, String> query) {
    return new TenantTelemetryApi(new TenantTelemetry(stores, ACCESS))
        .run(request("/api/tenants/" + tenant + "/telemetry", OPERATOR, query), tenant,
            new FakeExecutionContext("TenantTelemetry"));
  }

  @Test
  void latestMetricsOfATenant() throws Exception {
    stores.points.add(NotifyFixtures.onTime("t1", "eu", DAY, 0.93));
    stores.points.add(NotifyFixtures.onTime("t2", "eu", DAY, 0.5));

    HttpResponseMessage response = metrics("t1");

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = body(response);
    assertThat(body.get("tenantId").asText()).isEqualTo("t1");
    assertThat(body.get("points")).hasSize(1);
    JsonNode point = body.get("points").get(0);
    assertThat(point.get("metric").asText()).isEqualTo("on_time_rate");
    assertThat(point.get("values").get("rate").asDouble()).isEqualTo(0.93);
    assertThat(point.get("windowStart").asText()).isEqualTo("2026-11-20T00:00:00Z");
  }

  @Test
  void unknownTenantIs404AndMalformedIs400() throws Exception {
    HttpResponseMessage unknown = metrics("nobody");
    assertThat(unknown.getStatusCode()).isEqualTo(404);
    assertThat(body(unknown).get("error").get("code").asText()).isEqualTo("NotFound");

    HttpResponseMessage malformed = metrics("t1;drop");
    assertThat(malformed.getStatusCode()).isEqualTo(400);
    assertThat(body(malformed).get("error").get("message").asText()).contains("tenantId");
  }

  @Test
  void storeDownIs503WithRetryAfter() throws Exception {
    stores.down = true;
    HttpResponseMessage response = metrics("t1");
    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("7");
    assertThat(body(response).get("error").get("code").asText()).isEqualTo("ServiceUnavailable");
  }

  @Test
  void telemetryMergesPartitionsInTheRange() throws Exception {
    stores.windows.add(TestWindows.doc("0", "POST /cart", T, new double[] {10, 20, 30}, new int[] {1, 2}, 1));
    stores.windows.add(TestWindows.doc("1", "POST /cart", T, new double[] {40}, new int[] {2, 3}, 0));
    stores.windows.add(TestWindows.doc("0", "POST /cart", T.plusSeconds(3600), new double[] {5}, new int[0], 0));

    HttpResponseMessage response = telemetry("t1",
        Map.of("from", "2026-11-21T05:00:00Z", "to", "2026-11-21T05:30:00Z"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = body(response);
    assertThat(body.get("granularity").asText()).isEqualTo("PT1M");
    assertThat(body.get("windows")).hasSize(1);
    JsonNode w = body.get("windows").get(0);
    assertThat(w.get("partitions").asInt()).isEqualTo(2);
    assertThat(w.get("count").asLong()).isEqualTo(4);
    assertThat(w.get("errorCount").asLong()).isEqualTo(1);
    assertThat(w.get("meanMs").asDouble()).isEqualTo(25.0);
    assertThat(w.get("distinctUsers").asLong()).isEqualTo(3);
    // DDSketch quantiles use the lower rank floor(q * (n - 1)): p50 of {10,20,30,40} is 20, p99 is 30, within 1%.
    assertThat(w.get("p50Ms").asDouble()).isCloseTo(20.0, org.assertj.core.api.Assertions.within(0.2));
    assertThat(w.get("p99Ms").asDouble()).isCloseTo(30.0, org.assertj.core.api.Assertions.within(0.3));
    assertThat(w.get("windowStart").asText()).isEqualTo("2026-11-21T05:00:00Z");
  }

  @Test
  void badTelemetryQueriesAre400() throws Exception {
    List<Map<String, String>> bad = List.of(
        Map.of("to", "2026-11-21T06:00:00Z"),
        Map.of("from", "yesterday", "to", "2026-11-21T06:00:00Z"),
        Map.of("from", "2026-11-21T06:00:00Z", "to", "2026-11-21T05:00:00Z"),
        Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-11-21T00:00:00Z", "granularity", "PT1M"),
        Map.of("from", "2026-11-21T05:00:00Z", "to", "2026-11-21T06:00:00Z", "granularity", "P1D"));
    List<String> expected = List.of("'from' is required", "'from' is not an ISO-8601", "from must be before to",
        "exceeds PT24H", "granularity must be");
    for (int i = 0; i < bad.size(); i++) {
      HttpResponseMessage response = telemetry("t1", bad.get(i));
      assertThat(response.getStatusCode()).as("query %s", bad.get(i)).isEqualTo(400);
      assertThat(body(response).get("error").get("message").asText()).contains(expected.get(i));
    }
  }

  @Test
  void healthReportsJobsAndDeadLettersOr503() throws Exception {
    stores.jobs.put("on_time_rate", new JobState("on_time_rate", DAY, "run-3", T, "failed", "timeout", 2));
    stores.deadLetters = 5;
    HealthApi api = new HealthApi(new HealthCheck(stores, stores,
        () -> List.of(NotifyFixtures.ON_TIME, NotifyFixtures.TICKETS), clock));

    HttpResponseMessage ok = api.run(request("/api/health", Map.of(), Map.of()));
    assertThat(ok.getStatusCode()).isEqualTo(200);
    JsonNode report = body(ok);
    assertThat(report.get("status").asText()).isEqualTo("degraded");
    assertThat(report.get("deadLetters").asLong()).isEqualTo(5);
    assertThat(report.get("jobs")).hasSize(2);
    assertThat(report.get("jobs").get(0).get("metric").asText()).isEqualTo("on_time_rate");
    assertThat(report.get("jobs").get(0).get("lastRunAt").asText()).isEqualTo("2026-11-21T05:00:00Z");
    assertThat(report.get("jobs").get(1).get("lastStatus").isNull()).isTrue();

    stores.down = true;
    HttpResponseMessage down = api.run(request("/api/health", Map.of(), Map.of()));
    assertThat(down.getStatusCode()).isEqualTo(503);
    assertThat(body(down).get("status").asText()).isEqualTo("unavailable");
  }

  private static InProcessHttpRequest request(String path, Map<String, String> headers, Map<String, String> query) {
    return InProcessHttpRequest.get(URI.create("https://pulse-func.azurewebsites.net" + path), headers, query);
  }
}
