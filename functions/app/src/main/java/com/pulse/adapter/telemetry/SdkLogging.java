package com.pulse.adapter.telemetry;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the Azure SDK's logs go in the function package. The SDK logs through SLF4J 1.7; the
 * package's one binding, {@code slf4j-jdk14}, hands them to {@code java.util.logging}, whose root
 * handler in the Java worker forwards them to the Functions host (and from there, with
 * {@code telemetryMode: OpenTelemetry}, to Application Insights). This class sets the level of the
 * SDK's logger trees so only warnings and errors are forwarded: the SDK's INFO lines (connection
 * opened, token acquired, partition ownership) are per-call noise. The CLI packages
 * {@code slf4j-nop} instead and stays quiet. Thread-safe.
 */
public final class SdkLogging {
  /** The logger trees of the Azure SDK and the libraries under it. */
  public static final List<String> SDK_LOGGERS = List.of("com.azure", "com.microsoft.aad.msal4j", "io.netty", "reactor");

  /** Kept so the levels survive garbage collection ({@code java.util.logging} holds loggers weakly). */
  private static final List<Logger> CONFIGURED = SDK_LOGGERS.stream().map(Logger::getLogger).toList();

  private SdkLogging() {}

  /** Sets the SDK logger trees to {@link Level#WARNING}; idempotent. */
  public static void routeToJavaUtilLogging() {
    CONFIGURED.forEach(logger -> logger.setLevel(Level.WARNING));
  }
}
