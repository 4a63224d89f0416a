package com.pulse.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pulse} command line (local mode): the same use cases as the functions, over the
 * embedded adapters by default; flags switch the warehouse to a real one. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.args="demo"}.
 *
 * <p>Subcommands are registered in one place, the {@code subcommands} list below.
 */
@Command(name = "pulse", mixinStandardHelpOptions = true, version = "pulse 0.1.0",
    description = "Pulse: key metrics for customer engineers (local mode).",
    subcommands = {
        // ---- register subcommands here ----
        DemoCommand.class,
        MetricsCommand.class,
        BackfillCommand.class,
        WarehouseCommand.class,
        TelemetryCommand.class,
        ReplayCommand.class,
        DeadLetterCommand.class,
        DocsCommand.class,
        ServeCommand.class,
        CommandLine.HelpCommand.class
    })
public final class PulseCli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Prints usage when called without a subcommand. */
  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * The command line with Pulse's error handling: bad input (an {@link IllegalArgumentException},
   * e.g. a catalog error {@code file:line: problem} or an unparsable date) prints one line and
   * exits with status 2; anything else keeps its stack trace.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new PulseCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof IllegalArgumentException) {
        cmd.getErr().println("pulse " + cmd.getCommandName() + ": " + e.getMessage());
        return 2;
      }
      throw e;
    });
  }

  /**
   * Entry point; exits the JVM only with a non-zero status (so {@code exec:java} ends cleanly).
   *
   * @param args command line
   */
  public static void main(String[] args) {
    Logger.getLogger("").setLevel(Level.WARNING);
    int status = commandLine().execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
