package com.pulse.domain.notify;

import com.pulse.domain.tenant.TenantDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Composes the digests of one run: <b>one email per customer engineer</b>, carrying only the
 * notices of the tenants they own ({@link TenantDirectory#ownersOf}; unlisted tenants go to the
 * directory's default owners). Metric-wide notices ({@link Finding#ALL_TENANTS}, stale metrics) go
 * to the metric's catalog owners, the default owners and the always-copied list.
 *
 * <p><b>Reading order.</b> Three sections, New ({@link Notice.Type#STARTED}), Ongoing
 * ({@link Notice.Type#REMINDER}) and Resolved ({@link Notice.Type#RESOLVED} and
 * {@link Notice.Type#NO_DATA}). Inside a section notices are ranked by {@link #RANKING}: severity
 * (0 = critical first), then impact ({@link Finding#impact()}: how far past target, or burn rate
 * over threshold; largest first), then how long the episode has been open (oldest first), then
 * tenant and key. Each line links to the customer-metrics workbook filtered on its tenant when a
 * link template is configured.
 *
 * <p><b>Bounded size.</b> Each section lists at most {@code maxPerSection} notices and then counts
 * the rest ("and 9,950 more in 4,200 tenants"); a line's detail is cut at {@value #MAX_DETAIL_CHARS}
 * characters and names at {@value #MAX_NAME_CHARS}. So a digest stays a few hundred KB whatever the
 * number of tenants, far below the Azure Communication Services limit of {@value #ACS_MAX_REQUEST_BYTES}
 * bytes per email request (https://learn.microsoft.com/azure/communication-services/concepts/service-limits#size-limits-for-email);
 * {@link #compose} checks it. Each digest has one recipient, within ACS's limit of
 * {@value #ACS_MAX_RECIPIENTS} recipients (To, CC and BCC together) per message (same page).
 *
 * <p>Stateless and thread-safe.
 */
public final class DigestComposer {
  /** ACS Email: total request size limit, bytes (10 MB, attachments included). */
  public static final int ACS_MAX_REQUEST_BYTES = 10 * 1024 * 1024;
  /** ACS Email: recipients (To + CC + BCC) per message. */
  public static final int ACS_MAX_RECIPIENTS = 50;
  /** Default notices listed per section. */
  public static final int DEFAULT_MAX_PER_SECTION = 25;
  /** A notice's detail is cut after this many characters. */
  public static final int MAX_DETAIL_CHARS = 300;
  /** Tenant display names and metric names are cut after this many characters. */
  public static final int MAX_NAME_CHARS = 100;

  /** The order of notices inside a section. */
  public static final Comparator<Notice> RANKING = Comparator.comparingInt(Notice::severity)
      .thenComparing(Comparator.comparingDouble(Notice::impact).reversed())
      .thenComparing(n -> n.episode().startedAt())
      .thenComparing(Notice::tenantId)
      .thenComparing(n -> n.episode().key());

  private final TenantDirectory tenants;
  private final Map<String, List<String>> ownersByMetric;
  private final List<String> alwaysCopied;
  private final int maxPerSection;
  private final String workbookLink;

  /**
   * @param tenants who owns which tenant
   * @param ownersByMetric catalog owners' emails per metric name, for metric-wide notices
   * @param alwaysCopied addresses that also receive every metric-wide notice, possibly empty
   * @param maxPerSection notices listed per section, {@code >= 1}
   * @param workbookLink link to the customer-metrics workbook with {@code {tenantId}} where the
   *     (URL-encoded) tenant id goes, or null for no links
   * @throws IllegalArgumentException if {@code maxPerSection < 1}
   * @throws NullPointerException if an argument other than {@code workbookLink} is null
   */
  public DigestComposer(TenantDirectory tenants, Map<String, List<String>> ownersByMetric,
      Collection<String> alwaysCopied, int maxPerSection, String workbookLink) {
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.ownersByMetric = Map.copyOf(Objects.requireNonNull(ownersByMetric, "ownersByMetric"));
    this.alwaysCopied = alwaysCopied.stream().map(DigestComposer::normalize).toList();
    if (maxPerSection < 1) {
      throw new IllegalArgumentException("maxPerSection must be >= 1: " + maxPerSection);
    }
    this.maxPerSection = maxPerSection;
    this.workbookLink = workbookLink;
  }

  /**
   * Everyone who can receive a digest: every owner of the tenants file, the catalog owners and the
   * always-copied list, sorted.
   */
  public Set<String> knownRecipients() {
    Set<String> all = new TreeSet<>(tenants.allOwners());
    ownersByMetric.values().forEach(list -> list.forEach(o -> all.add(normalize(o))));
    all.addAll(alwaysCopied);
    return all;
  }

  /**
   * Composes the digests of one run.
   *
   * @param notices every notice of the run, any tenants
   * @param runAt the run time
   * @return one email per recipient with at least one notice, sorted by recipient; empty if no notices
   * @throws IllegalStateException if a digest would exceed {@link #ACS_MAX_REQUEST_BYTES} (cannot
   *     happen with the caps above; checked so a change that breaks the bound fails loudly)
   * @throws NullPointerException if an argument is null
   */
  public List<DigestEmail> compose(List<Notice> notices, Instant runAt) {
    Map<String, List<Notice>> byRecipient = new TreeMap<>();
    for (Notice n : notices) {
      for (String r : recipients(n)) {
        byRecipient.computeIfAbsent(r, k -> new ArrayList<>()).add(n);
      }
    }
    List<DigestEmail> emails = new ArrayList<>();
    byRecipient.forEach((recipient, mine) -> {
      DigestEmail email = email(recipient, mine, runAt);
      long bytes = (long) email.html().length() * 3 + (long) email.text().length() * 3 + email.subject().length() * 3L;
      if (bytes > ACS_MAX_REQUEST_BYTES) {
        throw new IllegalStateException("digest for " + recipient + " may reach " + bytes + " bytes, over the ACS limit");
      }
      emails.add(email);
    });
    return emails;
  }

  private Set<String> recipients(Notice n) {
    Set<String> r = new LinkedHashSet<>();
    if (Finding.ALL_TENANTS.equals(n.tenantId())) {
      ownersByMetric.getOrDefault(n.episode().metric(), List.of()).forEach(o -> r.add(normalize(o)));
      r.addAll(tenants.defaultOwners());
      r.addAll(alwaysCopied);
    } else {
      r.addAll(tenants.ownersOf(n.tenantId()));
    }
    return r;
  }

  private record Section(String title, List<Notice> notices) {}

  private DigestEmail email(String recipient, List<Notice> notices, Instant runAt) {
    List<Section> sections = List.of(
        section("New", notices, Set.of(Notice.Type.STARTED)),
        section("Ongoing", notices, Set.of(Notice.Type.REMINDER)),
        section("Resolved", notices, Set.of(Notice.Type.RESOLVED, Notice.Type.NO_DATA)));
    Set<String> tenantsAffected = new HashSet<>();
    notices.forEach(n -> tenantsAffected.add(n.tenantId()));
    String subject = String.format(Locale.ROOT, "Pulse digest: %,d new, %,d ongoing, %,d resolved (%,d %s)",
        sections.get(0).notices().size(), sections.get(1).notices().size(), sections.get(2).notices().size(),
        tenantsAffected.size(), tenantsAffected.size() == 1 ? "tenant" : "tenants");
    StringBuilder text = new StringBuilder(subject).append("\n\n");
    StringBuilder html = new StringBuilder(4096)
        .append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(subject))
        .append("</title></head><body style=\"font-family:Segoe UI,Arial,sans-serif\">\n<h2>")
        .append(escape(subject)).append("</h2>\n");
    for (Section s : sections) {
      if (s.notices().isEmpty()) {
        continue;
      }
      text.append(s.title()).append(" (").append(String.format(Locale.ROOT, "%,d", s.notices().size())).append(")\n");
      html.append("<h3>").append(s.title()).append(" (").append(String.format(Locale.ROOT, "%,d", s.notices().size()))
          .append(")</h3>\n<ol>\n");
      List<Notice> shown = s.notices().subList(0, Math.min(maxPerSection, s.notices().size()));
      for (Notice n : shown) {
        String link = link(n.tenantId());
        text.append("  - ").append(line(n, runAt)).append(link == null ? "" : "\n    " + link).append('\n');
        html.append("<li><strong>").append(escape(label(n))).append("</strong> ")
            .append(escape(tenantLabel(n.tenantId()))).append(" &mdash; ").append(escape(what(n))).append(": ")
            .append(escape(cut(n.episode().detail(), MAX_DETAIL_CHARS))).append(" <em>").append(escape(since(n, runAt)))
            .append("</em>");
        if (link != null) {
          html.append(" <a href=\"").append(escape(link)).append("\">workbook</a>");
        }
        html.append("</li>\n");
      }
      html.append("</ol>\n");
      int rest = s.notices().size() - shown.size();
      if (rest > 0) {
        Set<String> restTenants = new HashSet<>();
        s.notices().subList(shown.size(), s.notices().size()).forEach(n -> restTenants.add(n.tenantId()));
        String more = String.format(Locale.ROOT, "... and %,d more in %,d tenant(s), ranked lower; see the workbook.",
            rest, restTenants.size());
        text.append("  ").append(more).append('\n');
        html.append("<p>").append(escape(more)).append("</p>\n");
      }
      text.append('\n');
    }
    String footer = "Pulse run at " + seconds(runAt) + ". Ranked by severity (0 = critical), then impact (how far past "
        + "target, or burn rate over threshold), then time open. You get one reminder per open episode per "
        + "reminder period and one message when it resolves or its data stops.";
    text.append(footer).append('\n');
    html.append("<p style=\"color:#666\">").append(escape(footer)).append("</p>\n</body></html>\n");
    return new DigestEmail(recipient, subject, text.toString(), html.toString(), notices, runAt);
  }

  private static Section section(String title, List<Notice> notices, Set<Notice.Type> types) {
    List<Notice> mine = new ArrayList<>();
    for (Notice n : notices) {
      if (types.contains(n.type())) {
        mine.add(n);
      }
    }
    mine.sort(RANKING);
    return new Section(title, mine);
  }

  private String line(Notice n, Instant runAt) {
    return label(n) + " " + tenantLabel(n.tenantId()) + " - " + what(n) + ": "
        + cut(n.episode().detail(), MAX_DETAIL_CHARS) + " " + since(n, runAt);
  }

  private String tenantLabel(String tenantId) {
    if (Finding.ALL_TENANTS.equals(tenantId)) {
      return "All tenants";
    }
    String name = tenants.displayName(tenantId);
    return name.equals(tenantId) ? "tenant " + cut(tenantId, MAX_NAME_CHARS)
        : cut(name, MAX_NAME_CHARS) + " (" + cut(tenantId, MAX_NAME_CHARS) + ")";
  }

  private String link(String tenantId) {
    if (workbookLink == null || workbookLink.isBlank() || Finding.ALL_TENANTS.equals(tenantId)) {
      return null;
    }
    return workbookLink.replace("{tenantId}", URLEncoder.encode(tenantId, StandardCharsets.UTF_8));
  }

  private static String what(Notice n) {
    var e = n.episode();
    String kind = switch (e.kind()) {
      case Finding.STALE -> "stale metric ";
      case Finding.BURN_RATE -> "SLO burn rate ";
      default -> "SLO breach ";
    };
    return kind + cut(e.metric(), MAX_NAME_CHARS) + (e.dimensions().isEmpty() ? "" : " " + cut(new TreeMap<>(e.dimensions()).toString(), MAX_DETAIL_CHARS));
  }

  private static String since(Notice n, Instant runAt) {
    var e = n.episode();
    return switch (n.type()) {
      case RESOLVED, NO_DATA -> "(from " + seconds(e.startedAt()) + " to " + seconds(e.resolvedAt()) + ")";
      default -> "(open " + hours(Duration.between(e.startedAt(), runAt)) + " since " + seconds(e.startedAt()) + ")";
    };
  }

  private static Instant seconds(Instant t) {
    return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  private static String hours(Duration d) {
    long h = d.toHours();
    return h >= 48 ? h / 24 + " d" : h >= 1 ? h + " h" : d.toMinutes() + " min";
  }

  private static String label(Notice n) {
    return switch (n.type()) {
      case STARTED -> "[NEW sev" + n.severity() + "]";
      case REMINDER -> "[ONGOING sev" + n.severity() + "]";
      case RESOLVED -> "[RESOLVED]";
      case NO_DATA -> "[NO DATA]";
    };
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
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
