package com.pulse.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.notify.NotificationState.Episode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestComposerTest {
  private static final Instant RUN = Instant.parse("2026-11-21T06:00:00Z");
  private final DigestComposer composer = new DigestComposer(
      Map.of("on_time_rate", List.of("Ana@Example.com"), "open_tickets", List.of("bo@example.com")),
      List.of("ce-team@example.com"));

  private static Notice notice(Notice.Type type, String tenant, String kind, String metric, Map<String, String> dims,
      String detail) {
    Instant resolved = type == Notice.Type.RESOLVED ? RUN : null;
    Episode e = new Episode(Finding.keyOf(kind, metric, dims), kind, metric, dims,
        resolved == null ? "open" : "resolved", RUN.minusSeconds(7200), RUN, resolved, detail);
    return new Notice(type, tenant, e, 1);
  }

  @Test
  void oneEmailPerRecipientWithOwnersAndTheCustomerEngineeringList() {
    List<Notice> notices = List.of(
        notice(Notice.Type.STARTED, "t2", Finding.SLO_BREACH, "on_time_rate", Map.of("region", "eu"), "rate = 0.8"),
        notice(Notice.Type.RESOLVED, "t1", Finding.SLO_BREACH, "open_tickets", Map.of(), "open = 120"),
        notice(Notice.Type.REMINDER, Finding.ALL_TENANTS, Finding.STALE, "open_tickets", Map.of(), "26 h old"));

    List<DigestEmail> emails = composer.compose(notices, RUN);

    assertThat(emails).extracting(DigestEmail::recipient)
        .containsExactly("ana@example.com", "bo@example.com", "ce-team@example.com");
    assertThat(emails.get(0).notices()).hasSize(1);
    assertThat(emails.get(1).notices()).hasSize(2);
    assertThat(emails.get(2).notices()).hasSize(3);
    assertThat(emails.get(2).subject()).isEqualTo("Pulse digest: 1 new, 1 ongoing, 1 resolved (3 tenants)");
    assertThat(emails.get(0).subject()).isEqualTo("Pulse digest: 1 new, 0 ongoing, 0 resolved (1 tenant)");
  }

  @Test
  void groupsPerTenantInTextAndHtml() {
    List<Notice> notices = List.of(
        notice(Notice.Type.STARTED, "t2", Finding.SLO_BREACH, "on_time_rate", Map.of("region", "eu"), "rate = 0.8"),
        notice(Notice.Type.STARTED, "t1", Finding.SLO_BREACH, "on_time_rate", Map.of("region", "us"), "rate = 0.7"),
        notice(Notice.Type.REMINDER, Finding.ALL_TENANTS, Finding.STALE, "on_time_rate", Map.of(), "26 h old"));

    DigestEmail email = composer.compose(notices, RUN).get(0);

    String text = email.text();
    assertThat(text.indexOf("All tenants")).isLessThan(text.indexOf("Tenant t1"));
    assertThat(text.indexOf("Tenant t1")).isLessThan(text.indexOf("Tenant t2"));
    assertThat(text).contains("  - [NEW] SLO breach on_time_rate {region=us}: rate = 0.7 (since 2026-11-21T04:00:00Z, severity 1)")
        .contains("  - [ONGOING] stale metric on_time_rate: 26 h old");
    assertThat(email.html()).contains("<h3>Tenant t1</h3>")
        .contains("<li><strong>[NEW]</strong> SLO breach on_time_rate {region=us}: rate = 0.7");
  }

  @Test
  void htmlEscapesUserContent() {
    DigestEmail email = composer.compose(List.of(notice(Notice.Type.STARTED, "<t&1>", Finding.SLO_BREACH,
        "on_time_rate", Map.of("region", "\"x\""), "rate < 0.9")), RUN).get(0);
    assertThat(email.html()).contains("Tenant &lt;t&amp;1&gt;").contains("{region=&quot;x&quot;}")
        .contains("rate &lt; 0.9").doesNotContain("<t&1>");
  }

  @Test
  void noNoticesNoEmails() {
    assertThat(composer.compose(List.of(), RUN)).isEmpty();
  }
}
