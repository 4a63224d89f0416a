package com.pulse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pulse telemetry ...}: telemetry tools ({@code generate}). Register in {@code PulseCli}. */
@Command(name = "telemetry", mixinStandardHelpOptions = true, description = "Telemetry tools.",
    subcommands = {TelemetryGenerateCommand.class})
public final class TelemetryCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** Prints usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
