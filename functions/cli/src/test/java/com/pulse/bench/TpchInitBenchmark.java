package com.pulse.bench;

import com.pulse.adapter.local.TpchDuckDbLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to generate TPC-H into a new DuckDB file ({@code pulse warehouse init}), single shot: the
 * generator's text pool and DuckDB's appender dominate; there is nothing to warm up that a user
 * would not pay too. Run with {@code -p scaleFactor=1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
public class TpchInitBenchmark {
  @Param({"1"})
  public double scaleFactor;

  private Path file;

  @Setup(Level.Iteration)
  public void setUp() throws Exception {
    file = Files.createTempDirectory("tpch-init").resolve("tpch.duckdb");
  }

  /** Generates and loads all 8 tables; returns the rows loaded. */
  @Benchmark
  public long init() {
    return TpchDuckDbLoader.load(file, scaleFactor).stream().mapToLong(Long::longValue).sum();
  }
}
