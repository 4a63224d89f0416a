package com.pulse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.adapter.json.JsonMappers;
import com.pulse.app.port.DeadLetterStore;
import com.pulse.domain.telemetry.DeadLetter;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulse deadletter list [--partition P] [--limit N] [--format table|jsonl]}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List dead-lettered telemetry events, oldest first.")
public final class DeadLetterListCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = JsonMappers.iso();

  @Spec private CommandSpec spec;

  @Option(names = "--partition", description = "Only this source partition.")
  private String partition;

  @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Option(names = "--format", defaultValue = "table", description = "table or jsonl (default: ${DEFAULT-VALUE}).")
  private ReplayCommand.Format format;

  private final Supplier<DeadLetterStore> store;

  @Option(names = "--dead-letters", defaultValue = ".pulse/deadletter.jsonl", description = "Dead-letter file (default: ${DEFAULT-VALUE}).")
  private java.nio.file.Path deadLetterFile;

  /** Local default: the file store at {@code --dead-letters}. */
  public DeadLetterListCommand() {
    this.store = () -> new com.pulse.adapter.local.FileDeadLetterStore(deadLetterFile);
  }

  /** @param store the dead-letter store (file-backed under {@code .pulse/} locally, Cosmos DB in Azure) */
  public DeadLetterListCommand(Supplier<DeadLetterStore> store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<DeadLetter> letters = store.get().list(partition, limit);
    if (format == ReplayCommand.Format.jsonl) {
      for (DeadLetter d : letters) {
        out.println(JSON.writeValueAsString(d));
      }
    } else {
      String fmt = "%-12s %-9s %12s %-24s %-26s %s%n";
      out.printf(fmt, "id", "partition", "sequence", "enqueuedTime", "contentType", "reason");
      for (DeadLetter d : letters) {
        out.printf(fmt, d.id(), d.partition(), d.sequenceNumber(), d.enqueuedTime(), d.contentType(), d.reason());
      }
      out.printf("%d shown, %d stored%n", letters.size(), store.get().count());
    }
    out.flush();
    return 0;
  }
}
