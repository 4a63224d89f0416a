package com.pulse.adapter.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Bridges {@code java.util.logging} records to the OpenTelemetry Logs API, so Pulse's log lines
 * reach Application Insights correlated with the current span (trace id and span id come from
 * {@link Context#current()} when the record is published on the logging thread).
 *
 * <p>Mapping: message formatted with its parameters as the body; level to severity (SEVERE → ERROR,
 * WARNING → WARN, INFO/CONFIG → INFO, FINE → DEBUG, FINER/FINEST → TRACE) per the data model's
 * severity ranges (https://opentelemetry.io/docs/specs/otel/logs/data-model/#field-severitynumber);
 * a thrown exception as {@code exception.type}, {@code exception.message},
 * {@code exception.stacktrace} (semantic conventions). Thread-safe.
 */
public final class OpenTelemetryLogHandler extends Handler {
  private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
  private static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
  private static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");
  private static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");

  private final OpenTelemetry openTelemetry;
  private final Formatter formatter = new SimpleFormatter();

  /** @throws NullPointerException if {@code openTelemetry} is null */
  public OpenTelemetryLogHandler(OpenTelemetry openTelemetry) {
    this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
  }

  /**
   * Adds a handler for {@code openTelemetry} to the logger named {@code loggerName} (e.g.
   * {@code "com.pulse"}), unless one is already installed there.
   *
   * @return the installed (or already present) handler
   */
  public static synchronized OpenTelemetryLogHandler install(OpenTelemetry openTelemetry, String loggerName) {
    Logger logger = Logger.getLogger(loggerName);
    for (Handler handler : logger.getHandlers()) {
      if (handler instanceof OpenTelemetryLogHandler existing) {
        return existing;
      }
    }
    OpenTelemetryLogHandler handler = new OpenTelemetryLogHandler(openTelemetry);
    logger.addHandler(handler);
    return handler;
  }

  @Override
  public void publish(LogRecord record) {
    if (record == null || !isLoggable(record)) {
      return;
    }
    String scope = record.getLoggerName() == null ? "com.pulse" : record.getLoggerName();
    LogRecordBuilder builder = openTelemetry.getLogsBridge().get(scope).logRecordBuilder()
        .setTimestamp(record.getInstant())
        .setContext(Context.current())
        .setSeverity(severity(record.getLevel()))
        .setSeverityText(record.getLevel().getName())
        .setBody(formatter.formatMessage(record))
        .setAttribute(THREAD_NAME, Thread.currentThread().getName());
    Throwable thrown = record.getThrown();
    if (thrown != null) {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      builder.setAttribute(EXCEPTION_TYPE, thrown.getClass().getName())
          .setAttribute(EXCEPTION_STACKTRACE, trace.toString());
      if (thrown.getMessage() != null) {
        builder.setAttribute(EXCEPTION_MESSAGE, thrown.getMessage());
      }
    }
    builder.emit();
  }

  static Severity severity(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return Severity.ERROR;
    }
    if (value >= Level.WARNING.intValue()) {
      return Severity.WARN;
    }
    if (value >= Level.CONFIG.intValue()) {
      return Severity.INFO;
    }
    if (value >= Level.FINE.intValue()) {
      return Severity.DEBUG;
    }
    return Severity.TRACE;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
