package com.pulse.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.notify.NotificationState.Episode;
import com.pulse.domain.tenant.TenantDirectory;
import com.pulse.domain.tenant.TenantsLoader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestComposerTest {
  private static final Instant RUN = Instant.parse("2026-11-21T06:00:00Z");
  private static final TenantDirectory TENANTS = TenantsLoader.parse("t.yaml", new StringReader("""
      defaults: {owners: [ce@example.com], tier: std}
      tiers: {std: []}
      tenants:
        - {id: t1, name: Northwind, tier: std, owners: [ana@example.com]}
        - {id: t2, name: Contoso, tier: std, owners: [ana@example.com, bo@example.com]}
      """));
  private final DigestComposer composer = new DigestComposer(TENANTS, Map.of("on_time_rate", List.of("Owner@Example.com")),
      List.of("copy@example.com"), 3, "https://portal.example/workbook?tenant={tenantId}");

  static Notice notice(Notice.Type type, String tenant, String metric, String region, int severity, double impact,
      Duration open) {
    Map<String, String> dims = Map.of("region", region);
    Episode e = new Episode(Finding.keyOf(Finding.SLO_BREACH, metric, dims), Finding.SLO_BREACH, metric, dims,
        type == Notice.Type.RESOLVED ? "resolved" : "open", RUN.minus(open), RUN,
        type == Notice.Type.RESOLVED ? RUN : null, metric + " = 0.5, objective >= 0.9", RUN);
    return new Notice(type, tenant, e, severity, impact);
  }

  @Test
  void eachEngineerGetsOnlyTheirTenantsAndUnknownTenantsGoToTheDefaultOwner() {
    List<DigestEmail> emails = composer.compose(List.of(
        notice(Notice.Type.STARTED, "t1", "on_time_rate", "eu", 1, 0.1, Duration.ofHours(1)),
        notice(Notice.Type.STARTED, "t2", "on_time_rate", "eu", 1, 0.1, Duration.ofHours(1)),
        notice(Notice.Type.STARTED, "t9", "on_time_rate", "eu", 1, 0.1, Duration.ofHours(1))), RUN);

    assertThat(emails).extracting(DigestEmail::recipient)
        .containsExactly("ana@example.com", "bo@example.com", "ce@example.com");
    assertThat(emails.get(0).text()).contains("Northwind (t1)").contains("Contoso (t2)").doesNotContain("t9");
    assertThat(emails.get(1).text()).contains("Contoso (t2)").doesNotContain("Northwind");
    assertThat(emails.get(2).text()).contains("tenant t9").doesNotContain("t1)");
    assertThat(emails.get(0).text()).contains("https://portal.example/workbook?tenant=t1");
    assertThat(emails.get(0).html()).contains("<a href=\"https://portal.example/workbook?tenant=t1\">workbook</a>");
  }

  @Test
  void metricWideNoticesGoToCatalogOwnersDefaultOwnersAndTheCopyList() {
    Map<String, String> none = Map.of();
    Episode stale = new Episode(Finding.keyOf(Finding.STALE, "on_time_rate", none), Finding.STALE, "on_time_rate", none,
        "open", RUN, RUN, null, "last completed window ended ...", RUN);
    List<DigestEmail> emails = composer.compose(List.of(new Notice(Notice.Type.STARTED, Finding.ALL_TENANTS, stale, 2)), RUN);

    assertThat(emails).extracting(DigestEmail::recipient)
        .containsExactly("ce@example.com", "copy@example.com", "owner@example.com");
    assertThat(emails.get(0).text()).contains("All tenants - stale metric on_time_rate");
  }

  @Test
  void sectionsAreRankedBySeverityThenImpactThenTimeOpenAndCappedWithCounts() {
    List<Notice> notices = List.of(
        notice(Notice.Type.STARTED, "t1", "m_low_impact", "eu", 2, 0.1, Duration.ofHours(1)),
        notice(Notice.Type.STARTED, "t1", "m_high_impact", "eu", 2, 0.9, Duration.ofHours(1)),
        notice(Notice.Type.STARTED, "t1", "m_critical", "eu", 0, 0.01, Duration.ofHours(1)),
        notice(Notice.Type.STARTED, "t1", "m_same_older", "eu", 2, 0.1, Duration.ofDays(3)),
        notice(Notice.Type.STARTED, "t2", "m_fifth", "eu", 4, 5, Duration.ofHours(1)),
        notice(Notice.Type.REMINDER, "t1", "m_ongoing", "eu", 3, 0.2, Duration.ofDays(2)),
        notice(Notice.Type.RESOLVED, "t1", "m_resolved", "eu", 4, 0, Duration.ofDays(1)));

    String text = composer.compose(notices, RUN).get(0).text();

    assertThat(text).startsWith("Pulse digest: 5 new, 1 ongoing, 1 resolved (2 tenants)");
    int critical = text.indexOf("m_critical");
    int high = text.indexOf("m_high_impact");
    int older = text.indexOf("m_same_older");
    assertThat(critical).isPositive().isLessThan(high);
    assertThat(high).isLessThan(older);
    assertThat(text).doesNotContain("m_low_impact").doesNotContain("m_fifth")
        .contains("... and 2 more in 2 tenant(s)");
    assertThat(text.indexOf("New (5)")).isLessThan(text.indexOf("Ongoing (1)"));
    assertThat(text.indexOf("Ongoing (1)")).isLessThan(text.indexOf("Resolved (1)"));
    assertThat(text).contains("[NEW sev0]").contains("(open 3 d since").contains("[RESOLVED]");
  }

  @Test
  void aHundredThousandTenantsStayFarBelowTheAcsLimits() {
    DigestComposer bounded = new DigestComposer(TENANTS, Map.of(), List.of(), DigestComposer.DEFAULT_MAX_PER_SECTION,
        "https://portal.example/workbook?tenant={tenantId}");
    List<Notice> notices = new ArrayList<>();
    String longDetail = "x".repeat(5_000);
    for (int i = 0; i < 100_000; i++) {
      Notice.Type type = Notice.Type.values()[i % 3];
      Map<String, String> dims = Map.of("region", "r" + (i % 7));
      Episode e = new Episode(Finding.keyOf(Finding.SLO_BREACH, "on_time_rate", dims), Finding.SLO_BREACH,
          "on_time_rate", dims, "open", RUN.minusSeconds(i), RUN, RUN, longDetail, RUN);
      notices.add(new Notice(type, "tenant-" + i, e, i % 5, i % 101));
    }

    List<DigestEmail> emails = bounded.compose(notices, RUN);

    assertThat(emails).hasSize(1);
    DigestEmail email = emails.get(0);
    assertThat(email.recipient()).isEqualTo("ce@example.com");
    int bytes = email.html().getBytes(StandardCharsets.UTF_8).length + email.text().getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isLessThan(200_000).isLessThan(DigestComposer.ACS_MAX_REQUEST_BYTES / 10);
    assertThat(email.subject()).isEqualTo("Pulse digest: 33,334 new, 33,333 ongoing, 33,333 resolved (100,000 tenants)");
    assertThat(email.text()).contains("... and 33,309 more in 33,309 tenant(s)");
    assertThat(email.text().lines().filter(l -> l.startsWith("  - [NEW sev0]")).count()).isEqualTo(25);
  }
}
