package com.pulse.domain.telemetry.log;

import java.util.List;
import java.util.Objects;

/**
 * The log records of one (service, severity bucket) in one window document. Immutable.
 *
 * @param service {@code service.name}, or {@link LogWindows#OTHER_SERVICES} for the services beyond
 *     {@link LogWindows#MAX_SERVICES} in one document
 * @param severity bucket name ({@link Severity#name()}, e.g. {@code "ERROR"})
 * @param count records, {@code >= 1}
 * @param templates for ERROR and FATAL: the first {@link LogWindows#MAX_TEMPLATES} distinct message
 *     templates of the window in event order, with exact counts, in that order; empty for the
 *     other buckets
 * @param otherTemplateCount ERROR/FATAL records whose template was not among {@code templates}
 *     ({@code count = sum(templates.count) + otherTemplateCount} for those buckets)
 */
public record LogSeries(String service, String severity, long count, List<LogTemplateCount> templates,
    long otherTemplateCount) {
  /** @throws NullPointerException if an object argument is null */
  public LogSeries {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(severity, "severity");
    templates = List.copyOf(Objects.requireNonNull(templates, "templates"));
  }
}
