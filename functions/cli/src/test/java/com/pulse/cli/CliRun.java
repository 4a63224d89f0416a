package com.pulse.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import picocli.CommandLine;

/**
 * One in-process run of the {@code pulse} command line with everything it prints captured: picocli's
 * out and err, {@code System.out}/{@code System.err}, and every {@code java.util.logging} record at
 * INFO or above formatted by the JDK's {@link SimpleFormatter} (which prints an exception's stack
 * trace when one is logged). Not thread-safe: swaps the process's standard streams.
 *
 * @param status exit status
 * @param out standard output
 * @param err standard error and the log
 */
record CliRun(int status, String out, String err) {

  static CliRun of(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    Handler log = new StreamHandler(errStream, new SimpleFormatter());
    log.setLevel(Level.INFO);
    Logger root = Logger.getLogger("");
    root.addHandler(log);
    int status;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(errStream);
      CommandLine cli = PulseCli.commandLine();
      cli.setOut(new PrintWriter(System.out, true));
      cli.setErr(new PrintWriter(errStream, true));
      status = cli.execute(args);
    } finally {
      log.flush();
      root.removeHandler(log);
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Whether anything printed looks like a Java stack trace. */
  boolean printedAStackTrace() {
    String all = out + err;
    return all.contains("\tat ") || all.contains("Caused by: ") || all.contains("Exception in thread");
  }
}
