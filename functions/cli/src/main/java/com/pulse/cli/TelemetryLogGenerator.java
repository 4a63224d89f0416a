package com.pulse.cli;

import com.pulse.adapter.capture.CaptureAvro;
import com.pulse.app.telemetry.TelemetryEvent;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Seeded synthetic OTLP logs, made with the real OpenTelemetry Java SDK ({@code opentelemetry-sdk-logs}
 * loggers, one {@link SdkLoggerProvider} per tenant and service resource) and serialized by the SDK's
 * OTLP marshaler ({@link LogsRequestMarshaler}), written as Event Hubs Capture Avro files of the logs
 * hub: {@code <dir>/pulse/otlp_logs/<partition>/yyyy/MM/dd/HH/00/00.avro}.
 *
 * <ul>
 *   <li>each event is one {@code ExportLogsServiceRequest} of 1-20 records of one tenant and service,
 *       tenants Zipf-skewed and routed to a partition by tenant, like {@link TelemetryGenerator};
 *   <li>every severity bucket: about 3% TRACE, 15% DEBUG, 58% INFO, 12% WARN, 9% ERROR, 1% FATAL, 2%
 *       UNSPECIFIED, with the finer grades (ERROR2 ...) too; ERROR/FATAL bodies come from a dozen
 *       message shapes with ids, numbers and quoted values, so they fold into a dozen templates;
 *   <li>the Collector kafka exporter's shape: half the events carry no content type, encodings
 *       {@code otlp_proto} (75%) and {@code otlp_json} (25%); 2% of records are 2-10 minutes late.
 * </ul>
 * Same seed and options, same bytes (timestamps are set explicitly). Not thread-safe.
 */
public final class TelemetryLogGenerator {
  private static final String[] SERVICES = {"checkout", "catalog", "search", "auth"};
  private static final String[] ERRORS = {
    "payment %d declined by 'bank-%d'", "order %d failed: timeout after %dms", "user %d not found",
    "db connection reset (pool %d)", "cache miss for key %x", "upstream returned %d", "retry %d of 5 failed",
    "queue orders-%d full", "token %x expired", "lock held %dms", "circuit breaker open for shard %d",
    "request 3f2c9a1e-0b4d-4c1e-9a7f-1b2c3d4e5f%02d rejected",
  };

  /**
   * What was written.
   *
   * @param files Capture files
   * @param events events (one logs request each)
   * @param records log records
   * @param errorRecords ERROR and FATAL records
   */
  public record Output(List<Path> files, long events, long records, long errorRecords) {}

  /** Collects what the SDK emits, until the next request is marshaled. */
  private static final class Collecting implements LogRecordExporter {
    final List<LogRecordData> records = new ArrayList<>();

    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      records.addAll(logs);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  private final TelemetryGenerator.Options options;
  private final int eventsPerMinute;
  private final SplittableRandom random;
  private final Collecting exporter = new Collecting();
  private final Map<String, SdkLoggerProvider> providers = new HashMap<>();

  /**
   * @param options seed, start, duration, partitions and tenants (its events per minute are the span stream's)
   * @param eventsPerMinute logs requests per minute, {@code >= 1}
   * @throws IllegalArgumentException if {@code eventsPerMinute} is below 1
   * @throws NullPointerException if {@code options} is null
   */
  public TelemetryLogGenerator(TelemetryGenerator.Options options, int eventsPerMinute) {
    this.options = Objects.requireNonNull(options, "options");
    if (eventsPerMinute < 1) {
      throw new IllegalArgumentException("eventsPerMinute must be >= 1, was " + eventsPerMinute);
    }
    this.eventsPerMinute = eventsPerMinute;
    this.random = new SplittableRandom(options.seed() ^ 0x6c6f6773L); // "logs": independent of the span stream
  }

  /**
   * Generates the logs stream and writes it under {@code dir}.
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  public Output writeTo(Path dir) {
    int parts = options.partitions();
    List<List<TelemetryEvent>> buffers = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      buffers.add(new ArrayList<>());
    }
    long[] sequence = new long[parts];
    long[] lastEnqueued = new long[parts];
    List<Path> files = new ArrayList<>();
    Set<Path> written = new HashSet<>();
    long events = 0;
    long records = 0;
    long errors = 0;
    long minutes = Math.max(1, options.duration().toMinutes());
    long startMinute = options.start().toEpochMilli() / 60_000 * 60_000;
    for (long m = 0; m < minutes; m++) {
      long minuteStart = startMinute + m * 60_000;
      for (int i = 0; i < eventsPerMinute; i++) {
        int tenant = tenant();
        int p = Math.floorMod(("tenant-" + tenant).hashCode(), parts);
        long enqueued = Math.max(lastEnqueued[p], minuteStart + random.nextInt(60_000));
        lastEnqueued[p] = enqueued;
        Logger logger = logger(tenant, SERVICES[random.nextInt(SERVICES.length)]);
        int n = 1 + random.nextInt(20);
        for (int j = 0; j < n; j++) {
          Severity severity = severity();
          boolean error = severity.getSeverityNumber() >= Severity.ERROR.getSeverityNumber();
          long lag = random.nextInt(100) < 2 ? 120_000 + random.nextInt(480_000) : random.nextInt(3_000);
          long nanos = (enqueued - lag) * 1_000_000L;
          logger.logRecordBuilder().setSeverity(severity).setSeverityText(severity.name())
              .setBody(error ? errorMessage() : "handled request " + random.nextInt(10_000))
              .setTimestamp(nanos, TimeUnit.NANOSECONDS).setObservedTimestamp(nanos + 1_000_000, TimeUnit.NANOSECONDS)
              .emit();
          errors += error ? 1 : 0;
        }
        records += n;
        int encoding = random.nextInt(4);
        byte[] body = encoding == 0 ? json(exporter.records) : protobuf(exporter.records);
        exporter.records.clear();
        String contentType = random.nextBoolean() ? null : encoding == 0 ? "application/json" : "application/x-protobuf";
        Map<String, String> properties = contentType == null ? Map.of() : Map.of("content-type", contentType);
        buffers.get(p).add(new TelemetryEvent(body, sequence[p], Long.toString(sequence[p] * 1024),
            Instant.ofEpochMilli(enqueued), contentType, properties));
        sequence[p]++;
        events++;
      }
      if ((minuteStart + 60_000) % 3_600_000 == 0 || m == minutes - 1) {
        for (int p = 0; p < parts; p++) {
          List<TelemetryEvent> buffer = buffers.get(p);
          if (!buffer.isEmpty()) {
            ZonedDateTime t = ZonedDateTime.ofInstant(buffer.get(0).enqueuedTime(), ZoneOffset.UTC);
            Path file = dir.resolve(String.format("pulse/otlp_logs/%d/%04d/%02d/%02d/%02d/00/00.avro",
                p, t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour()));
            CaptureAvro.write(file, buffer);
            if (written.add(file)) {
              files.add(file);
            }
            buffer.clear();
          }
        }
      }
    }
    providers.values().forEach(SdkLoggerProvider::close);
    return new Output(files, events, records, errors);
  }

  private Logger logger(int tenant, String service) {
    return providers.computeIfAbsent("tenant-" + tenant + "/" + service, k -> SdkLoggerProvider.builder()
        .setResource(Resource.create(Attributes.builder().put("service.name", service)
            .put("tenant.id", "tenant-" + tenant).build()))
        .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build())
        .get("pulse-generator");
  }

  private Severity severity() {
    int r = random.nextInt(100);
    Severity[] grades = r < 2 ? new Severity[] {Severity.UNDEFINED_SEVERITY_NUMBER}
        : r < 5 ? new Severity[] {Severity.TRACE, Severity.TRACE2}
        : r < 20 ? new Severity[] {Severity.DEBUG, Severity.DEBUG3}
        : r < 78 ? new Severity[] {Severity.INFO, Severity.INFO2}
        : r < 90 ? new Severity[] {Severity.WARN, Severity.WARN4}
        : r < 99 ? new Severity[] {Severity.ERROR, Severity.ERROR2}
        : new Severity[] {Severity.FATAL};
    return grades[random.nextInt(grades.length)];
  }

  private String errorMessage() {
    int shape = Math.min(ERRORS.length - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3)); // skewed
    return String.format(ERRORS[shape], random.nextInt(100_000), random.nextInt(100));
  }

  private int tenant() {
    double u = random.nextDouble();
    double sum = 0;
    double total = 0;
    for (int k = 0; k < options.tenants(); k++) {
      total += 1.0 / (k + 1);
    }
    for (int k = 0; k < options.tenants(); k++) {
      sum += 1.0 / (k + 1) / total;
      if (u <= sum) {
        return k;
      }
    }
    return options.tenants() - 1;
  }

  private static byte[] protobuf(List<LogRecordData> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      LogsRequestMarshaler.create(records).writeBinaryTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] json(List<LogRecordData> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      LogsRequestMarshaler.create(records).writeJsonTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
