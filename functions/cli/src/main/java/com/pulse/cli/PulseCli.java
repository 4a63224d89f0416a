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
        CatalogCommand.class,
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
   * The command line with Pulse's error handling, never a stack trace: bad input (an
   * {@link IllegalArgumentException}, e.g. catalog errors {@code file:line: problem}, one per line,
   * or an unparsable date) prints its message and exits with status 2; any other failure (a warehouse
   * that cannot be reached, a failed write) prints one line and exits with status 1. Set
   * {@code PULSE_STACKTRACE=1} to see the trace of the latter.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new PulseCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
      String prefix = "pulse " + cmd.getCommandName() + ": ";
      if (e instanceof IllegalArgumentException) {
        cmd.getErr().println(prefix + e.getMessage().replace("\n", "\n" + prefix));
        return 2;
      }
      cmd.getErr().println(prefix + e.getClass().getSimpleName() + ": " + e.getMessage());
      if ("1".equals(System.getenv("PULSE_STACKTRACE"))) {
        e.printStackTrace(cmd.getErr());
      }
      return 1;
    });
  }

  /**
   * Entry point; exits the JVM only with a non-zero status (so {@code exec:java} ends cleanly).
   *
   * @param args command line
   */
  public static void main(String[] args) {
    // one line per log record (the JDK's default format takes two)
    System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
    Logger.getLogger("").setLevel(Level.WARNING);
    int status = commandLine().execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
