package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;

/**
 * In-process runs of {@code replay} (and other commands) for the replay tests: picocli's out and err
 * captured together, exit status 0 asserted. {@code replay} runs over an in-memory dead-letter store
 * with the given allowed lateness and a clock fixed at {@link #CLOCK}.
 */
final class ReplayRuns {
  /** The replay's clock: a day after the generated telemetry. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

  private ReplayRuns() {}

  /** {@code replay args} with 5 minutes of allowed lateness; what it printed. */
  static String replay(String... args) {
    return execute(replayCommand(Duration.ofMinutes(5)), args);
  }

  /** The {@code replay} command line with {@code allowedLateness}, its output not yet redirected. */
  static CommandLine replayCommand(Duration allowedLateness) {
    return new CommandLine(new ReplayCommand(
        () -> new TelemetryReplay(LatenessPolicy.of(allowedLateness), CLOCK, new InMemoryDeadLetterStore())));
  }

  /** Runs {@code cmd} with {@code args}, asserting exit status 0; what it printed (out and err). */
  static String execute(CommandLine cmd, String... args) {
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(out));
    assertThat(cmd.execute(args)).as(out.toString()).isZero();
    return out.toString();
  }
}
