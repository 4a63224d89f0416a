package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.spi.inject.FunctionInstanceInjector;
import com.pulse.adapter.jdbc.ConnectionSource;
import com.pulse.config.InvalidConfigurationException;
import com.pulse.config.PulseConfig;
import com.pulse.config.Setting;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionInjectorTest {
  private static final Function<String, ConnectionSource> DUCKDB = url -> () -> DriverManager.getConnection(url);
  private static final Supplier<TokenCredential> NO_CREDENTIAL = () -> {
    throw new AssertionError("local mode built an Azure credential");
  };

  /** An injector over the local graph (in-process stores, an in-memory DuckDB warehouse). */
  static FunctionInjector localInjector(Path dir) {
    PulseConfig config = PulseConfig.parse(Map.of(Setting.PULSE_LOCAL_DIR.key(), dir.toString(),
        Setting.WAREHOUSE_JDBC_URL.key(), "jdbc:duckdb:"));
    return new FunctionInjector(() -> CompositionRoot.create(config, Clock.systemUTC(), Optional.of(DUCKDB), NO_CREDENTIAL));
  }

  /** Every class of this package with a {@code @FunctionName} method, found in the compiled classes. */
  static List<Class<?>> functionClasses() throws IOException, URISyntaxException {
    Path classes = Path.of(FunctionInjector.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("com/pulse/functions");
    try (Stream<Path> files = Files.list(classes)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
          .<Class<?>>map(n -> load("com.pulse.functions." + n.substring(0, n.length() - ".class".length())))
          .filter(c -> Arrays.stream(c.getMethods()).anyMatch(m -> m.isAnnotationPresent(FunctionName.class)))
          .sorted(java.util.Comparator.comparing(Class::getName)).toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void buildsEveryFunctionClassFoundInThePackageOnceForAllInvocations(@TempDir Path dir) throws Exception {
    FunctionInjector injector = localInjector(dir);
    List<Class<?>> functions = functionClasses();

    assertThat(functions).extracting(Class::getSimpleName).contains("WarehouseMetrics", "TelemetryAggregation",
        "MetricFreshness", "HealthApi", "TenantMetricsApi", "TenantTelemetryApi");
    for (Class<?> type : functions) {
      assertThat(type.getConstructors()).as("%s has one constructor", type.getSimpleName()).hasSize(1);
      Object instance = injector.getInstance(type);
      assertThat(instance).isInstanceOf(type).isSameAs(injector.getInstance(type));
    }
  }

  @Test
  void theWorkerFindsThisInjectorThroughTheServiceLoader() {
    assertThat(ServiceLoader.load(FunctionInstanceInjector.class).stream().map(ServiceLoader.Provider::type).toList())
        .containsExactly(FunctionInjector.class);
  }

  @Test
  void invalidSettingsFailEveryInvocationWithTheWholeList() {
    FunctionInjector injector = new FunctionInjector(() -> CompositionRoot.create(PulseConfig.parse(Map.of(
        "TELEMETRY_ALLOWED_LATENESS", "5m", "METRICS_MAX_CATCHUP_WINDOWS", "0")), Clock.systemUTC()));

    for (Class<?> type : List.of(TelemetryAggregation.class, HealthApi.class)) {
      assertThatThrownBy(() -> injector.getInstance(type)).isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining("TELEMETRY_ALLOWED_LATENESS='5m'").hasMessageContaining("METRICS_MAX_CATCHUP_WINDOWS='0'");
    }
  }

  @Test
  void withoutAWarehouseOnlyTheWarehouseFunctionFailsAndSaysWhatToSet(@TempDir Path dir) {
    PulseConfig config = PulseConfig.parse(Map.of(Setting.PULSE_LOCAL_DIR.key(), dir.toString()));
    FunctionInjector injector = new FunctionInjector(
        () -> CompositionRoot.create(config, Clock.systemUTC(), Optional.empty(), NO_CREDENTIAL));

    assertThat(injector.getInstance(TelemetryAggregation.class)).isNotNull();
    assertThat(injector.getInstance(MetricFreshness.class)).isNotNull();
    assertThatThrownBy(() -> injector.getInstance(WarehouseMetrics.class)).isInstanceOf(IllegalStateException.class)
        .hasMessage(CompositionRoot.NO_WAREHOUSE);
  }

  @Test
  void aClassThatIsNoFunctionIsRejected(@TempDir Path dir) {
    assertThatThrownBy(() -> localInjector(dir).getInstance(String.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
  }
}
