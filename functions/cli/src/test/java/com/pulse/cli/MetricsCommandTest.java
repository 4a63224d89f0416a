package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {
  @TempDir Path dir;

  @Test
  void aMissingWarehouseFileIsAClearErrorNotAStackTrace() {
    Path missing = dir.resolve("none.duckdb");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream previous = System.err;
    int exit;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      exit = PulseCli.commandLine().execute("metrics", "--from", "1998-07-01", "--to", "1998-07-02",
          "--warehouse-url", "jdbc:duckdb:" + missing);
    } finally {
      System.setErr(previous);
    }
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot open jdbc:duckdb:" + missing)
        .contains("warehouse init").doesNotContain("\tat ");
    assertThat(missing).doesNotExist();
  }
}
