package com.pulse.domain.telemetry.log;

import java.util.Objects;

/**
 * One message template of a log series and how many records of the window had it. Immutable.
 *
 * @param template the masked message ({@link MessageTemplates#of}), at most
 *     {@value MessageTemplates#MAX_LENGTH} characters plus a {@code …}
 * @param count records with this template, {@code >= 1}
 */
public record LogTemplateCount(String template, long count) {
  /** @throws NullPointerException if {@code template} is null */
  public LogTemplateCount {
    Objects.requireNonNull(template, "template");
  }
}
