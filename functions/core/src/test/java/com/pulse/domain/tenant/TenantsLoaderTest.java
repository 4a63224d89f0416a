package com.pulse.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TenantsLoaderTest {

  private static TenantDirectory parse(String yaml) {
    return TenantsLoader.parse("t.yaml", new StringReader(yaml));
  }

  @Test
  void packagedFileLoadsAndUnknownTenantsFallBackToTheDefaultOwner() {
    TenantDirectory d = TenantsLoader.loadResource(TenantsLoader.DEFAULT_RESOURCE);

    assertThat(d.ownersOf("tenant-1")).containsExactly("alice@example.com");
    assertThat(d.ownersOf("tenant-4")).containsExactly("carol@example.com", "alice@example.com");
    assertThat(d.ownersOf("no-such-tenant")).isEqualTo(d.defaultOwners()).containsExactly("ce-default@example.com");
    assertThat(d.slosOf("no-such-tenant")).isEqualTo(d.tiers().get("standard"));
    assertThat(d.slosOf("tenant-1")).extracting(TelemetrySlo::name)
        .containsExactly("availability", "checkout-availability", "latency", "auth-latency");
    assertThat(d.displayName("tenant-2")).isEqualTo("Fabrikam Residences");
    assertThat(d.allOwners()).contains("alice@example.com", "bob@example.com", "carol@example.com", "ce-default@example.com");
  }

  @Test
  void tenantOverridesReplaceTierSlosByName() {
    TenantDirectory d = parse("""
        defaults: {owners: [ce@example.com], tier: std}
        tiers:
          std:
            - {name: availability, sli: availability, objective: 0.99}
            - {name: latency, sli: latency, thresholdMs: 300, objective: 0.95}
        tenants:
          - id: t1
            name: One
            tier: std
            owners: [A@Example.com]
            slos:
              - {name: latency, sli: latency, service: checkout, thresholdMs: 500, objective: 0.99}
        """);

    Tenant t1 = d.tenant("t1").orElseThrow();
    assertThat(t1.owners()).containsExactly("a@example.com");
    assertThat(t1.slos()).hasSize(2);
    TelemetrySlo latency = t1.slos().get(1);
    assertThat(latency.service()).isEqualTo("checkout");
    assertThat(latency.thresholdMillis()).isEqualTo(500);
    assertThat(latency.periodDays()).isEqualTo(30);
    assertThat(d.isOwner(" a@EXAMPLE.com", "t1")).isTrue();
  }

  @Test
  void reportsEveryProblemAtOnceWithFileAndLine() {
    String yaml = """
        defaults: {owners: [not-an-email], tier: missing}
        tiers:
          std:
            - {name: availability, sli: availability, objective: 1.5}
            - {name: latency, sli: latency, objective: 0.9}
            - {name: x, sli: throughput, objective: 0.9}
        tenants:
          - {id: t1, name: One, tier: std, owners: [a@example.com]}
          - {id: t1, name: Again, tier: std, owners: [a@example.com]}
          - {id: "bad id", name: Bad, tier: gold, owners: [a@example.com], color: red}
          - {id: t3, name: NoOwner, tier: std}
        """;

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOfSatisfying(TenantsException.class, e -> assertThat(e.problems()).containsExactly(
            "t.yaml:1: not an email address in 'defaults.owners': 'not-an-email'",
            "t.yaml:1: defaults.tier 'missing' is not a tier ([std])",
            "t.yaml:4: objective must be in (0, 1): 1.5",
            "t.yaml:5: a latency SLO needs thresholdMs",
            "t.yaml:6: sli must be availability or latency: 'throughput'",
            "t.yaml:9: tenant 't1' listed twice (first at line 8)",
            "t.yaml:10: unknown key 'color' in tenant (allowed: [groups, id, name, owners, slos, tier])",
            "t.yaml:10: tenant id must match [A-Za-z0-9._-]{1,128}: 'bad id'",
            "t.yaml:10: unknown tier 'gold' (tiers: [std])",
            "t.yaml:11: tenant is missing required key 'owners'"))
        .hasMessageStartingWith("10 problem(s) in the tenants file:");
  }

  @Test
  void malformedYamlIsOneProblemWithItsLine() {
    assertThatThrownBy(() -> parse("defaults: {owners: [a@example.com]\ntiers: [\n"))
        .isInstanceOf(TenantsException.class)
        .hasMessageContaining("t.yaml:")
        .hasMessageContaining("malformed YAML");
  }
}
