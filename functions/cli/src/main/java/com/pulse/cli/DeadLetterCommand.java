package com.pulse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pulse deadletter list|replay}. Register in {@code PulseCli}. */
@Command(name = "deadletter", mixinStandardHelpOptions = true, description = "Inspect and replay dead-lettered telemetry.",
    subcommands = {DeadLetterListCommand.class, DeadLetterReplayCommand.class})
public final class DeadLetterCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** Prints usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
