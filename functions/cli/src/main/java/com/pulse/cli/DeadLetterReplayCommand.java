package com.pulse.cli;

import com.pulse.app.port.DeadLetterStore;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.RequestSink;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse deadletter replay [--partition P] [--limit N] [--dry-run]}: re-publishes dead letters
 * of the traces hub to it ({@link DeadLetterRepublisher}) and deletes each after its partition's send
 * succeeded; dead letters of the logs and metrics hubs (partitions {@code logs-*}, {@code metrics-*})
 * are left in place and counted in the output. {@code --dry-run} instead runs each through the local decoders and reports which would
 * now decode (e.g. after a decoder fix), changing nothing.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Re-publish dead-lettered events to the telemetry hub (or --dry-run through the local decoders).")
public final class DeadLetterReplayCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--partition", description = "Only this source partition.")
  private String partition;

  @Option(names = "--limit", defaultValue = "1000", description = "At most this many (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Option(names = "--dry-run", description = "Decode locally and report; publish and delete nothing.")
  private boolean dryRun;

  private final Supplier<DeadLetterStore> store;
  private final Supplier<DeadLetterRepublisher> republisher;

  @Option(names = "--dead-letters", defaultValue = ".pulse/deadletter.jsonl", description = "Dead-letter file (default: ${DEFAULT-VALUE}).")
  private java.nio.file.Path deadLetterFile;

  /**
   * Local default: the file store at {@code --dead-letters}; the hub from {@code TelemetryHub__fullyQualifiedNamespace}
   * and {@code TELEMETRY_HUB_NAME} with the composition root's credential.
   */
  public DeadLetterReplayCommand() {
    this.store = () -> new com.pulse.adapter.local.FileDeadLetterStore(deadLetterFile);
    this.republisher = () -> new DeadLetterRepublisher(CliSupport.root(java.util.Map.of()).telemetryProducer());
  }

  /**
   * @param store the dead-letter store
   * @param republisher creates the hub publisher (only called without {@code --dry-run})
   */
  public DeadLetterReplayCommand(Supplier<DeadLetterStore> store, Supplier<DeadLetterRepublisher> republisher) {
    this.store = Objects.requireNonNull(store, "store");
    this.republisher = Objects.requireNonNull(republisher, "republisher");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DeadLetterStore deadLetters = store.get();
    List<DeadLetter> letters = deadLetters.list(partition, limit);
    if (dryRun) {
      TelemetryDecoders decoders = new TelemetryDecoders();
      int ok = 0;
      for (DeadLetter d : letters) {
        try {
          int n = decoders.forContentType(d.contentType()).decode(Base64.getDecoder().decode(d.bodyBase64()), RequestSink.DISCARD);
          ok++;
          out.printf("%s decodes now: %d requests%n", d.id(), n);
        } catch (IllegalArgumentException e) {
          out.printf("%s still fails: %s%n", d.id(), e.getMessage());
        }
      }
      out.printf("%d of %d would decode%n", ok, letters.size());
      out.flush();
      return 0;
    }
    Map<String, List<DeadLetter>> byPartition = new TreeMap<>();
    int otherHubs = 0;
    for (DeadLetter d : letters) {
      if (ofLogsOrMetricsHub(d)) {
        otherHubs++; // their partition ids belong to another hub: left in place, never sent to the traces hub
        continue;
      }
      byPartition.computeIfAbsent(d.partition(), k -> new ArrayList<>()).add(d);
    }
    if (otherHubs > 0) {
      out.printf("left %d dead letters of the logs and metrics hubs (partitions %s*, %s*) in place: this command "
              + "re-publishes to the traces hub only%n", otherHubs,
          com.pulse.app.telemetry.AggregateLogBatch.DEAD_LETTER_PARTITION_PREFIX,
          com.pulse.app.telemetry.AggregateMetricBatch.DEAD_LETTER_PARTITION_PREFIX);
    }
    DeadLetterRepublisher republished;
    try {
      republished = republisher.get();
    } catch (IllegalStateException notConfigured) {
      spec.commandLine().getErr().println("deadletter replay: " + notConfigured.getMessage());
      return 2;
    }
    int sent = 0;
    try (DeadLetterRepublisher hub = republished) {
      for (Map.Entry<String, List<DeadLetter>> e : byPartition.entrySet()) {
        int[] partitionSent = {0};
        hub.publish(e.getKey(), e.getValue(), batch -> {
          batch.forEach(deadLetters::delete);
          partitionSent[0] += batch.size();
        });
        sent += partitionSent[0];
      }
    }
    out.printf("re-published %d dead letters from %d partitions%n", sent, byPartition.size());
    out.flush();
    return 0;
  }

  /** A dead letter of the logs or metrics hub: its partition carries that hub's prefix. */
  static boolean ofLogsOrMetricsHub(DeadLetter d) {
    return d.partition().startsWith(com.pulse.app.telemetry.AggregateLogBatch.DEAD_LETTER_PARTITION_PREFIX)
        || d.partition().startsWith(com.pulse.app.telemetry.AggregateMetricBatch.DEAD_LETTER_PARTITION_PREFIX);
  }
}
