package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.pulse.adapter.telemetry.SdkLogging;
import com.pulse.app.telemetry.BatchResult;
import com.pulse.config.PulseConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The first-batch path of a new Functions worker, as one process: the {@link FunctionInjector} the
 * worker loads, the {@link TelemetryAggregation} instance it asks for, and one Event Hub batch of Pulse
 * JSON events delivered as the worker binds it. Local mode: the settings are only
 * {@code PULSE_LOCAL_DIR}, so no Azure client, credential or network call exists whatever the
 * environment holds.
 *
 * <p>Used twice, never by a unit test: {@code package} runs it under
 * {@code -XX:ArchiveClassesAtExit} to dump the class-data-sharing archive of this path
 * ({@code functions/app/pom.xml}), and {@link ColdStartBenchmark} times it as a child process. It
 * prints one line ({@code first batch: events=… requests=…}) and exits 0, or exits 1 if the batch was
 * not handled as a whole.
 *
 * <p>Arguments: the local data folder (default {@code target/coldstart/local}), the number of events
 * (default 64; each is one request, 4 tenants × 4 operations, timestamped now).
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  /**
   * Runs the path once.
   *
   * @param args {@code [localDir [events]]}
   * @throws NumberFormatException if {@code events} is not an integer
   */
  public static void main(String[] args) {
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    BatchResult result = firstBatch(Path.of(args.length > 0 ? args[0] : "target/coldstart/local"), events);
    System.out.println("first batch: events=" + result.events() + " requests=" + result.requests()
        + " deadLettered=" + result.deadLettered());
    System.exit(result.requests() == events && result.deadLettered() == 0 ? 0 : 1);
  }

  /**
   * Builds the injector as the worker does, asks it for the function and hands it one batch.
   *
   * @param localDir local data folder ({@code PULSE_LOCAL_DIR}: the window export is written there)
   * @param events events in the batch, at least 1
   * @return what the batch did
   * @throws IllegalArgumentException if {@code events} is less than 1
   */
  static BatchResult firstBatch(Path localDir, int events) {
    if (events < 1) {
      throw new IllegalArgumentException("events must be at least 1: " + events);
    }
    FunctionInjector injector = new FunctionInjector(() -> CompositionRoot.create(
        PulseConfig.parse(Map.of("PULSE_LOCAL_DIR", localDir.toString())), Clock.systemUTC()));
    SdkLogging.routeToJavaUtilLogging();
    return handle(injector.getInstance(TelemetryAggregation.class), events, Instant.now());
  }

  @SuppressWarnings("unchecked")
  private static BatchResult handle(TelemetryAggregation function, int events, Instant now) {
    byte[][] bodies = new byte[events][];
    Map<String, Object>[] system = new Map[events];
    Map<String, Object>[] properties = new Map[events];
    long[] sequenceNumbers = new long[events];
    String[] enqueued = new String[events];
    for (int i = 0; i < events; i++) {
      String at = now.minusMillis(events - i).toString();
      bodies[i] = ("{\"tenantId\":\"tenant-" + (i % 4) + "\",\"service\":\"checkout\",\"operation\":\"op-" + (i / 4 % 4)
          + "\",\"timestamp\":\"" + at + "\",\"durationMs\":" + (10 + i) + ",\"status\":\"" + (i % 16 == 0 ? "error" : "ok")
          + "\",\"userId\":\"u" + i + "\"}").getBytes(StandardCharsets.UTF_8);
      Map<String, Object> s = new HashMap<>();
      s.put("x-opt-sequence-number", (double) i);   // the worker's Gson hands numbers over as Double
      s.put("x-opt-offset", Integer.toString(i * 300));
      s.put("x-opt-enqueued-time", at);
      system[i] = s;
      properties[i] = Map.of();
      sequenceNumbers[i] = i;
      enqueued[i] = at;
    }
    Map<String, Object> partition = Map.of("PartitionId", "0", "ConsumerGroup", "pulse", "EventHubName", "telemetry",
        "FullyQualifiedNamespace", "local");
    return function.process(bodies, partition, system, properties, sequenceNumbers, enqueued, new ProbeContext());
  }

  /** The invocation context: a quiet logger (the worker's handler is not there). */
  private static final class ProbeContext implements ExecutionContext {
    private final Logger logger = Logger.getAnonymousLogger();

    ProbeContext() {
      logger.setUseParentHandlers(false);
    }

    @Override
    public Logger getLogger() {
      return logger;
    }

    @Override
    public String getInvocationId() {
      return "00000000-0000-0000-0000-000000000000";
    }

    @Override
    public String getFunctionName() {
      return "TelemetryAggregation";
    }
  }
}
