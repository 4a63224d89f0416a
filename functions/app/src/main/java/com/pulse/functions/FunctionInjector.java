package com.pulse.functions;

import com.microsoft.azure.functions.spi.inject.FunctionInstanceInjector;
import com.pulse.adapter.telemetry.SdkLogging;
import com.pulse.config.InvalidConfigurationException;
import com.pulse.config.PulseConfig;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the Azure Functions Java worker the instance of each {@code @FunctionName} class, built once
 * by the {@link CompositionRoot} and then shared by every invocation. The worker (2.8.0 and later;
 * {@code JavaFunctionBroker} loads the one implementation listed in
 * {@code META-INF/services/com.microsoft.azure.functions.spi.inject.FunctionInstanceInjector} with
 * {@link java.util.ServiceLoader} when it loads the functions, then calls {@link #getInstance} on
 * every invocation) creates it with the no-argument constructor; without it the worker would call
 * each function's no-argument constructor on every invocation.
 *
 * <p>Start-up: the constructor parses the app settings once ({@link PulseConfig#parse}), routes
 * the Azure SDK's logs ({@link SdkLogging}) and, half a minute later, logs the JVM's compilers
 * ({@link JvmCompilers}). An invalid configuration does not stop the worker from
 * loading: it is logged once, formatted, and every invocation then fails with the same message (the
 * list of invalid settings). Each function is built on its first invocation, under its own lock, so
 * the Event Hub function never waits for the warehouse or Key Vault. Thread-safe.
 */
public final class FunctionInjector implements FunctionInstanceInjector {
  private static final Logger LOG = Logger.getLogger(FunctionInjector.class.getName());

  private final Map<Class<?>, Lazy<?>> functions;
  private final RuntimeException startUpFailure;

  /** Used by the Java worker: the process environment (app settings), system UTC clock. */
  public FunctionInjector() {
    this(() -> CompositionRoot.create(PulseConfig.parse(CompositionRoot.environment()), Clock.systemUTC()));
    SdkLogging.routeToJavaUtilLogging();
    JvmCompilers.logLater(LOG, JvmCompilers.DELAY);
  }

  /**
   * Over a given root (tests).
   *
   * @param root builds the root; an {@link InvalidConfigurationException} it throws is kept and
   *     rethrown by every {@link #getInstance}
   * @throws NullPointerException if {@code root} is null
   */
  FunctionInjector(Supplier<CompositionRoot> root) {
    Objects.requireNonNull(root, "root");
    CompositionRoot built = null;
    RuntimeException failure = null;
    try {
      built = root.get();
    } catch (InvalidConfigurationException e) {
      LOG.severe(e.getMessage());
      failure = e;
    }
    this.startUpFailure = failure;
    this.functions = built == null ? Map.of() : functions(built);
  }

  /** How each function class is built: its one constructor, given its use cases. */
  private static Map<Class<?>, Lazy<?>> functions(CompositionRoot root) {
    return Map.of(
        WarehouseMetrics.class, Lazy.of(() -> new WarehouseMetrics(root.metricRunner(), root.notifySloBreaches()::afterRun,
            root.tracing(), root.clock())),
        TelemetryAggregation.class, Lazy.of(() -> new TelemetryAggregation(root.telemetryAggregation(), root.batchObserver(),
            root.tracing())),
        LogAggregation.class, Lazy.of(() -> new LogAggregation(root.logAggregation(), root.logBatchTelemetry(),
            root.tracing())),
        MetricFreshness.class, Lazy.of(() -> new MetricFreshness(root.checkFreshness(), root.telemetry())),
        HealthApi.class, Lazy.of(() -> new HealthApi(root.healthCheck())),
        TenantMetricsApi.class, Lazy.of(() -> new TenantMetricsApi(root.tenantMetrics())),
        TenantTelemetryApi.class, Lazy.of(() -> new TenantTelemetryApi(root.tenantTelemetry())),
        TenantSlosApi.class, Lazy.of(() -> new TenantSlosApi(root.tenantSlos())),
        SloBurnRates.class, Lazy.of(() -> new SloBurnRates(root.evaluateSloBurnRates())),
        OtlpMetricsAggregation.class, Lazy.of(() -> new OtlpMetricsAggregation(root.metricAggregation(),
            root.metricBatchTelemetry(), root.tracing())));
  }

  /**
   * The shared instance of {@code functionClass}, built on first call.
   *
   * @throws InvalidConfigurationException if the app settings are invalid (every problem listed)
   * @throws IllegalArgumentException if {@code functionClass} is not one of Pulse's function classes
   * @throws IllegalStateException if a function's dependency is missing (e.g. no warehouse configured)
   */
  @Override
  public <T> T getInstance(Class<T> functionClass) {
    if (startUpFailure != null) {
      throw startUpFailure;
    }
    Lazy<?> function = functions.get(functionClass);
    if (function == null) {
      throw new IllegalArgumentException("not a Pulse function class: " + functionClass.getName());
    }
    try {
      return functionClass.cast(function.get());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "cannot build " + functionClass.getSimpleName() + ": " + e.getMessage(), e);
      throw e;
    }
  }
}
