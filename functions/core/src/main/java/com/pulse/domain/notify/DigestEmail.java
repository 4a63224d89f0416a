package com.pulse.domain.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One digest email for one recipient: every notice of the run that concerns them, grouped per
 * tenant, as plain text and HTML (same content). Immutable.
 *
 * @param recipient email address (lower case)
 * @param subject subject line
 * @param text plain-text body
 * @param html HTML body (a complete document, inline styles only)
 * @param notices the notices it carries
 * @param composedAt run time the digest belongs to
 */
public record DigestEmail(String recipient, String subject, String text, String html, List<Notice> notices,
    Instant composedAt) {
  /** @throws NullPointerException if an argument is null */
  public DigestEmail {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    notices = List.copyOf(notices);
    Objects.requireNonNull(composedAt, "composedAt");
  }
}
