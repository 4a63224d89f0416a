package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.pulse.app.api.ClientPrincipal;
import com.pulse.app.api.TenantAccess;
import com.pulse.app.api.TenantMetrics;
import com.pulse.app.api.TenantSlos;
import com.pulse.app.slo.TenantSloReader;
import com.pulse.domain.notify.NotifyFixtures;
import com.pulse.domain.slo.BurnRateEvaluator;
import com.pulse.domain.slo.BurnRateRule;
import com.pulse.domain.slo.SloStreams;
import com.pulse.domain.tenant.TenantDirectory;
import com.pulse.domain.tenant.TenantsLoader;
import com.pulse.testing.SteppingClock;
import java.net.URI;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenant-scoped authorization of the HTTP API from the App Service principal header. */
class TenantAccessApiTest {
  private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
  private static final String GROUP = "6f1c3a52-0f7e-4b8e-9a51-2d7b1c9e4a01";
  private static final TenantDirectory TENANTS = TenantsLoader.parse("t.yaml", new StringReader("""
      defaults: {owners: [ce@example.com], tier: std}
      tiers:
        std:
          - {name: availability, sli: availability, service: checkout, objective: 0.99}
      tenants:
        - {id: t1, name: Northwind, tier: std, owners: [ana@example.com], groups: [%s]}
        - {id: t2, name: Contoso, tier: std, owners: [bo@example.com]}
      """.formatted(GROUP)));

  private final FakeStores stores = new FakeStores();
  private final TenantMetricsApi api = new TenantMetricsApi(new TenantMetrics(stores, new TenantAccess(TENANTS)));
  private final ObjectMapper json = new ObjectMapper();
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      logged.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void setUp() {
    stores.points.add(NotifyFixtures.onTime("t1", "eu", DAY, 0.93));
    stores.points.add(NotifyFixtures.onTime("t2", "eu", DAY, 0.5));
    Logger.getLogger(TenantAccess.class.getName()).addHandler(capture);
  }

  @AfterEach
  void tearDown() {
    Logger.getLogger(TenantAccess.class.getName()).removeHandler(capture);
  }

  private HttpResponseMessage get(String tenant, String principalHeader) {
    Map<String, String> headers = new HashMap<>();
    if (principalHeader != null) {
      headers.put("X-MS-CLIENT-PRINCIPAL", principalHeader);
    }
    return api.run(request("/api/tenants/" + tenant + "/metrics", headers), tenant,
        new FakeExecutionContext("TenantMetrics"));
  }

  private static String principal(String name, Set<String> roles, Set<String> groups) {
    return ClientPrincipal.encode(name, roles, groups);
  }

  private String code(HttpResponseMessage r) throws Exception {
    return json.readTree((String) r.getBody()).get("error").get("code").asText();
  }

  @Test
  void missingPrincipalIs401AndLogged() throws Exception {
    HttpResponseMessage r = get("t1", null);

    assertThat(r.getStatusCode()).isEqualTo(401);
    assertThat(code(r)).isEqualTo("Unauthorized");
    assertThat(logged).singleElement().satisfies(rec -> assertThat(rec.getMessage())
        .startsWith("pulse.access.denied tenant=t1 principal=(anonymous)").contains("status=401"));
  }

  @Test
  void malformedPrincipalsAre401() throws Exception {
    String notJson = Base64.getEncoder().encodeToString("{claims:".getBytes(StandardCharsets.UTF_8));
    String noClaims = Base64.getEncoder().encodeToString("{\"auth_typ\":\"aad\"}".getBytes(StandardCharsets.UTF_8));
    for (String header : List.of("%%%not-base64%%%", notJson, noClaims)) {
      HttpResponseMessage r = get("t1", header);
      assertThat(r.getStatusCode()).as(header).isEqualTo(401);
      assertThat(json.readTree((String) r.getBody()).get("error").get("message").asText())
          .startsWith("malformed X-MS-CLIENT-PRINCIPAL");
    }
    assertThat(logged).hasSize(3);
  }

  @Test
  void aCustomerEngineerReadsOwnTenantsOnlyAndForeignReadsAre403AndLogged() throws Exception {
    String ana = principal("Ana@Example.com", Set.of("Pulse.CustomerEngineer"), Set.of());

    assertThat(get("t1", ana).getStatusCode()).isEqualTo(200);
    HttpResponseMessage foreign = get("t2", ana);

    assertThat(foreign.getStatusCode()).isEqualTo(403);
    assertThat(code(foreign)).isEqualTo("Forbidden");
    assertThat(logged).singleElement().satisfies(rec -> assertThat(rec.getMessage())
        .startsWith("pulse.access.denied tenant=t2 principal=Ana@Example.com authType=aad status=403"));
  }

  @Test
  void ownershipWithoutTheRoleIsNotEnoughButAGroupOfTheTenantIs() {
    assertThat(get("t1", principal("ana@example.com", Set.of(), Set.of())).getStatusCode()).isEqualTo(403);
    assertThat(get("t1", principal("someone@example.com", Set.of(), Set.of(GROUP.toUpperCase()))).getStatusCode())
        .isEqualTo(200);
    assertThat(get("t2", principal("someone@example.com", Set.of(), Set.of(GROUP))).getStatusCode()).isEqualTo(403);
  }

  @Test
  void theOperatorRoleReadsEveryTenantAndUnlistedTenantsBelongToTheDefaultOwner() {
    String operator = principal("oncall@example.com", Set.of("Pulse.Operator"), Set.of());
    stores.points.add(NotifyFixtures.onTime("t9", "eu", DAY, 0.5));

    assertThat(get("t2", operator).getStatusCode()).isEqualTo(200);
    assertThat(get("t9", operator).getStatusCode()).isEqualTo(200);
    assertThat(get("t9", principal("ce@example.com", Set.of("Pulse.CustomerEngineer"), Set.of())).getStatusCode())
        .isEqualTo(200);
    assertThat(get("t9", principal("ana@example.com", Set.of("Pulse.CustomerEngineer"), Set.of())).getStatusCode())
        .isEqualTo(403);
  }

  @Test
  void sloStatusesOfATenantWithBurnRatesPerWindow() throws Exception {
    SloStreams.minutes("t1", Instant.parse("2026-11-20T04:00:00Z"), Instant.parse("2026-11-20T11:00:00Z"), 100, 0.002,
        Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:45:00Z"), 0.5, 1).forEach(stores.windows::add);
    TenantSlosApi slos = new TenantSlosApi(new TenantSlos(
        new TenantSloReader(stores, TENANTS, new BurnRateEvaluator(BurnRateRule.DEFAULTS)), new TenantAccess(TENANTS),
        new SteppingClock(Instant.parse("2026-11-20T10:44:10Z"))));
    String ana = principal("ana@example.com", Set.of("Pulse.CustomerEngineer"), Set.of());

    HttpResponseMessage r = slos.run(request("/api/tenants/t1/slos",
        Map.of("x-ms-client-principal", ana)), "t1", new FakeExecutionContext("TenantSlos"));

    assertThat(r.getStatusCode()).isEqualTo(200);
    JsonNode slo = json.readTree((String) r.getBody()).get("slos").get(0);
    assertThat(slo.get("slo").get("name").asText()).isEqualTo("availability");
    assertThat(slo.get("evaluatedAt").asText()).isEqualTo("2026-11-20T10:44:00Z");
    assertThat(slo.get("burnRates").get("PT5M").asDouble()).isCloseTo(50, org.assertj.core.api.Assertions.within(0.5));
    assertThat(slo.get("firing").toString()).isEqualTo("[\"fast\",\"slow\"]");
    assertThat(slo.get("budgetRemaining").asDouble()).isNegative();
  }

  private static InProcessHttpRequest request(String path, Map<String, String> headers) {
    return InProcessHttpRequest.get(URI.create("https://pulse-func.azurewebsites.net" + path), headers, Map.of());
  }
}
