package com.pulse.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse telemetry generate}: writes a seeded synthetic telemetry stream as Event Hubs Capture
 * Avro files ({@link TelemetryGenerator}) and, with {@code --logs-per-minute}, an OTLP logs stream made
 * with the OpenTelemetry SDK as the logs hub's Capture ({@link TelemetryLogGenerator}). Register under
 * a {@code telemetry} parent command.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a seeded synthetic telemetry stream as Event Hubs Capture Avro files.")
public final class TelemetryGenerateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--output", defaultValue = ".pulse/telemetry/capture", description = "Output directory (default: ${DEFAULT-VALUE}).")
  private Path output;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--start", defaultValue = "2026-11-20T08:00:00Z", description = "First minute, ISO-8601 UTC (default: ${DEFAULT-VALUE}).")
  private Instant start;

  @Option(names = "--duration", defaultValue = "PT2H", description = "Stream length, ISO-8601 duration (default: ${DEFAULT-VALUE}).")
  private Duration duration;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions (default: ${DEFAULT-VALUE}).")
  private int partitions;

  @Option(names = "--tenants", defaultValue = "12", description = "Tenants, Zipf-skewed (default: ${DEFAULT-VALUE}).")
  private int tenants;

  @Option(names = "--events-per-minute", defaultValue = "120", description = "Mean events per minute (default: ${DEFAULT-VALUE}).")
  private int eventsPerMinute;

  @Option(names = "--logs-per-minute", defaultValue = "0", description = "OTLP logs requests per minute, written by "
      + "the OpenTelemetry SDK as the logs hub's Capture (pulse/otlp_logs/...); 0: none (default: ${DEFAULT-VALUE}).")
  private int logsPerMinute;
  @Option(names = "--metrics", defaultValue = "true", negatable = true,
      description = "Also write OTLP metrics from the OpenTelemetry SDK for the metrics hub (default: ${DEFAULT-VALUE}).")
  private boolean metrics;

  @Override
  public Integer call() {
    TelemetryGenerator.Options options = new TelemetryGenerator.Options(seed, start, duration, partitions, tenants,
        eventsPerMinute);
    TelemetryGenerator.Output out = new TelemetryGenerator(options).writeTo(output);
    spec.commandLine().getOut().printf("wrote %d Capture files under %s: %d events, %d requests, %d malformed%n",
        out.files().size(), output, out.events(), out.requests(), out.malformed());
    if (logsPerMinute > 0) {
      TelemetryLogGenerator.Output logs = new TelemetryLogGenerator(options, logsPerMinute).writeTo(output);
      spec.commandLine().getOut().printf("wrote %d logs-hub Capture files under %s: %d events, %d log records, "
          + "%d ERROR/FATAL%n", logs.files().size(), output, logs.events(), logs.records(), logs.errorRecords());
    }
    if (metrics) {
      MetricsGenerator.Output m = new MetricsGenerator(
          new TelemetryGenerator.Options(seed, start, duration, partitions, tenants, eventsPerMinute)).writeTo(output);
      spec.commandLine().getOut().printf("wrote %d Capture files of the OTLP metrics hub (%s): %d events%n",
          m.files().size(), TelemetryReplay.METRICS_HUB, m.events());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
