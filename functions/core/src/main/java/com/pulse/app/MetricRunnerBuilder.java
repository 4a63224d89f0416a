package com.pulse.app;

import com.pulse.app.observability.PulseTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.MetricStore;
import com.pulse.app.port.Warehouse;
import com.pulse.domain.catalog.Catalog;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds a {@link MetricRunner}: the catalog and the three ports it needs are given to
 * {@link MetricRunner#builder}; everything else has a default and is validated when it is set, so
 * {@link #build()} cannot fail. Obtain one with {@link MetricRunner#builder}.
 *
 * <table>
 *   <caption>Settings and their defaults</caption>
 *   <tr><th>setter</th><th>default</th></tr>
 *   <tr><td>{@link #clock}</td><td>{@link Clock#systemUTC()}</td></tr>
 *   <tr><td>{@link #retryPolicy}</td><td>{@link RetryPolicy#DEFAULT}</td></tr>
 *   <tr><td>{@link #sleeper}</td><td>{@link Sleeper#SYSTEM}</td></tr>
 *   <tr><td>{@link #maxCatchUpWindows}</td><td>{@value #DEFAULT_MAX_CATCH_UP_WINDOWS}</td></tr>
 *   <tr><td>{@link #runIds}</td><td>random UUIDs</td></tr>
 *   <tr><td>{@link #telemetry}, {@link #tracing}</td><td>no-op</td></tr>
 * </table>
 *
 * <p>Not thread-safe; the runner it builds does not change afterwards.
 */
public final class MetricRunnerBuilder {
  /** Default of {@link #maxCatchUpWindows}: a day of hourly windows. */
  public static final int DEFAULT_MAX_CATCH_UP_WINDOWS = 24;

  final Catalog catalog;
  final Warehouse warehouse;
  final MetricStore store;
  final MetricExport export;
  Clock clock = Clock.systemUTC();
  RetryPolicy retry = RetryPolicy.DEFAULT;
  Sleeper sleeper = Sleeper.SYSTEM;
  int maxCatchUpWindows = DEFAULT_MAX_CATCH_UP_WINDOWS;
  Supplier<String> runIds = () -> UUID.randomUUID().toString();
  PulseTelemetry telemetry = PulseTelemetry.noop();
  PulseTracing tracing = PulseTracing.noop();

  MetricRunnerBuilder(Catalog catalog, Warehouse warehouse, MetricStore store, MetricExport export) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.store = Objects.requireNonNull(store, "store");
    this.export = Objects.requireNonNull(export, "export");
  }

  /**
   * The clock that closes windows, stamps points ({@code computedAt}) and job state.
   *
   * @throws NullPointerException if {@code clock} is null
   */
  public MetricRunnerBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Backoff for transient warehouse failures ({@code DependencyException}).
   *
   * @throws NullPointerException if {@code retry} is null
   */
  public MetricRunnerBuilder retryPolicy(RetryPolicy retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return this;
  }

  /**
   * What pauses between attempts (tests pass one that records instead of waiting).
   *
   * @throws NullPointerException if {@code sleeper} is null
   */
  public MetricRunnerBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /**
   * Most windows one metric computes in one scheduled run (catch-up after an outage).
   *
   * @param maxCatchUpWindows number of windows, {@code >= 1}
   * @throws IllegalArgumentException if {@code maxCatchUpWindows < 1}
   */
  public MetricRunnerBuilder maxCatchUpWindows(int maxCatchUpWindows) {
    if (maxCatchUpWindows < 1) {
      throw new IllegalArgumentException("maxCatchUpWindows must be >= 1: " + maxCatchUpWindows);
    }
    this.maxCatchUpWindows = maxCatchUpWindows;
    return this;
  }

  /**
   * Source of run ids, asked once per run.
   *
   * @throws NullPointerException if {@code runIds} is null
   */
  public MetricRunnerBuilder runIds(Supplier<String> runIds) {
    this.runIds = Objects.requireNonNull(runIds, "runIds");
    return this;
  }

  /**
   * Pulse's instruments: {@code pulse.metric.query_duration} per query attempt (ms, outcome
   * ok/failed), {@code pulse.metric.runs} per metric run (status ok/failed) and the freshness gauge
   * ({@link PulseTelemetry#metricCompleted}) after each completed window.
   *
   * @throws NullPointerException if {@code telemetry} is null
   */
  public MetricRunnerBuilder telemetry(PulseTelemetry telemetry) {
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    return this;
  }

  /**
   * Pulse's spans: a CLIENT span per warehouse query ({@link PulseTracing#warehouseQuery}).
   *
   * @throws NullPointerException if {@code tracing} is null
   */
  public MetricRunnerBuilder tracing(PulseTracing tracing) {
    this.tracing = Objects.requireNonNull(tracing, "tracing");
    return this;
  }

  /** A runner with the settings given so far. */
  public MetricRunner build() {
    return new MetricRunner(this);
  }
}
