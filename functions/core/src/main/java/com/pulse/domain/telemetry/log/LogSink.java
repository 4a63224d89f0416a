package com.pulse.domain.telemetry.log;

/**
 * Receives the log records decoded from one event, one call per record. Every string argument has
 * passed {@link com.pulse.domain.telemetry.IngestRules} (tenant id, service name). Implementations
 * need not be thread-safe: a decoder calls its sink from the calling thread only.
 */
@FunctionalInterface
public interface LogSink {
  /** Discards every record: for dry runs that only ask whether a body decodes. */
  LogSink DISCARD = (tenantId, service, severityNumber, timeEpochMillis, message) -> {};

  /**
   * One log record.
   *
   * @param tenantId tenant (resource attribute {@code tenant.id}), never null
   * @param service resource attribute {@code service.name} (else {@code unknown_service}), never null
   * @param severityNumber the record's {@code SeverityNumber} as sent (0 when unset; may lie outside
   *     0-24, see {@link Severity#ofNumber})
   * @param timeEpochMillis {@code time_unix_nano}, else {@code observed_time_unix_nano} (the rule
   *     the logs data model recommends for one-timestamp consumers), in epoch milliseconds UTC
   * @param message the text a message template is made of, for {@link Severity#keepsTemplates}
   *     records only (null for the others, so their bodies are never turned into strings): the
   *     string body, else the event name, else a placeholder naming the body type (see
   *     {@code LogRecordMapping})
   */
  void logRecord(String tenantId, String service, int severityNumber, long timeEpochMillis, String message);
}
