package com.pulse.domain.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Composes the customer-engineer digests of one run: one email per recipient, where the recipients
 * of a notice are the metric's catalog {@code owners} plus the customer-engineering list. Inside an
 * email, notices are grouped per tenant (tenants sorted, metric-wide notices first under "All
 * tenants"), then listed new, reminder, resolved. Stateless and thread-safe.
 */
public final class DigestComposer {
  private final Map<String, List<String>> ownersByMetric;
  private final List<String> customerEngineers;

  /**
   * @param ownersByMetric catalog owners' emails per metric name (a metric may have none)
   * @param customerEngineers addresses that receive every digest, possibly empty
   * @throws NullPointerException if an argument is null
   */
  public DigestComposer(Map<String, List<String>> ownersByMetric, Collection<String> customerEngineers) {
    this.ownersByMetric = Map.copyOf(Objects.requireNonNull(ownersByMetric, "ownersByMetric"));
    this.customerEngineers = customerEngineers.stream().map(DigestComposer::normalize).toList();
  }

  /**
   * Composes the digests of one run.
   *
   * @param notices every notice of the run, any tenants
   * @param runAt the run time
   * @return one email per recipient with at least one notice, sorted by recipient; empty if no notices
   * @throws NullPointerException if an argument is null
   */
  public List<DigestEmail> compose(List<Notice> notices, Instant runAt) {
    Map<String, List<Notice>> byRecipient = new TreeMap<>();
    for (Notice n : notices) {
      Set<String> recipients = new TreeSet<>(customerEngineers);
      ownersByMetric.getOrDefault(n.episode().metric(), List.of()).forEach(o -> recipients.add(normalize(o)));
      recipients.forEach(r -> byRecipient.computeIfAbsent(r, k -> new ArrayList<>()).add(n));
    }
    List<DigestEmail> emails = new ArrayList<>();
    byRecipient.forEach((recipient, mine) -> emails.add(email(recipient, mine, runAt)));
    return emails;
  }

  private static DigestEmail email(String recipient, List<Notice> notices, Instant runAt) {
    Map<String, List<Notice>> byTenant = new TreeMap<>();
    notices.forEach(n -> byTenant.computeIfAbsent(n.tenantId(), t -> new ArrayList<>()).add(n));
    byTenant.values().forEach(list -> list.sort(
        Comparator.comparing(Notice::type).thenComparing(n -> n.episode().key())));
    String subject = subject(notices, byTenant.size());
    StringBuilder text = new StringBuilder(subject).append("\n\n");
    StringBuilder html = new StringBuilder(1024)
        .append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(subject))
        .append("</title></head><body style=\"font-family:Segoe UI,Arial,sans-serif\">\n<h2>")
        .append(escape(subject)).append("</h2>\n");
    byTenant.forEach((tenant, list) -> {
      String heading = Finding.ALL_TENANTS.equals(tenant) ? "All tenants" : "Tenant " + tenant;
      text.append(heading).append('\n');
      html.append("<h3>").append(escape(heading)).append("</h3>\n<ul>\n");
      for (Notice n : list) {
        text.append("  - ").append(line(n)).append('\n');
        html.append("<li><strong>").append(label(n.type())).append("</strong> ")
            .append(escape(subjectOf(n))).append(": ").append(escape(n.episode().detail()))
            .append(" <em>").append(escape(since(n))).append("</em></li>\n");
      }
      text.append('\n');
      html.append("</ul>\n");
    });
    String footer = "Pulse run at " + runAt + ". You get one reminder per open episode per reminder period "
        + "and one message when it resolves.";
    text.append(footer).append('\n');
    html.append("<p style=\"color:#666\">").append(escape(footer)).append("</p>\n</body></html>\n");
    return new DigestEmail(recipient, subject, text.toString(), html.toString(), notices, runAt);
  }

  private static String subject(List<Notice> notices, int tenants) {
    long started = notices.stream().filter(n -> n.type() == Notice.Type.STARTED).count();
    long reminded = notices.stream().filter(n -> n.type() == Notice.Type.REMINDER).count();
    long resolved = notices.stream().filter(n -> n.type() == Notice.Type.RESOLVED).count();
    return String.format(Locale.ROOT, "Pulse digest: %d new, %d ongoing, %d resolved (%d %s)",
        started, reminded, resolved, tenants, tenants == 1 ? "tenant" : "tenants");
  }

  private static String line(Notice n) {
    return label(n.type()) + " " + subjectOf(n) + ": " + n.episode().detail() + " " + since(n);
  }

  private static String subjectOf(Notice n) {
    var e = n.episode();
    String what = Finding.STALE.equals(e.kind()) ? "stale metric " : "SLO breach ";
    return what + e.metric() + (e.dimensions().isEmpty() ? "" : " " + new TreeMap<>(e.dimensions()));
  }

  private static String since(Notice n) {
    var e = n.episode();
    return n.type() == Notice.Type.RESOLVED
        ? "(from " + e.startedAt() + " to " + e.resolvedAt() + ")"
        : "(since " + e.startedAt() + ", severity " + n.severity() + ")";
  }

  private static String label(Notice.Type type) {
    return switch (type) {
      case STARTED -> "[NEW]";
      case REMINDER -> "[ONGOING]";
      case RESOLVED -> "[RESOLVED]";
    };
  }

  private static String normalize(String address) {
    return address.trim().toLowerCase(Locale.ROOT);
  }

  /** Escapes the five HTML special characters (HTML 5, section 13.1.2.6 safe text). */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
