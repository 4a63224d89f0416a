package com.pulse.cli;

import com.pulse.domain.telemetry.aggregate.TenantWindows;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.api.ClientPrincipal;
import com.pulse.app.api.HealthCheck;
import com.pulse.app.api.TenantAccess;
import com.pulse.app.api.TenantMetrics;
import com.pulse.app.api.TenantSlos;
import com.pulse.app.api.TenantTelemetry;
import com.pulse.app.slo.TenantSloReader;
import com.pulse.cli.serve.LocalApiServer;
import com.pulse.cli.serve.LocalSnapshot;
import com.pulse.config.Setting;
import com.pulse.domain.slo.BurnRateEvaluator;
import com.pulse.domain.slo.BurnRateRule;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.functions.CompositionRoot;
import com.pulse.functions.HealthApi;
import com.pulse.functions.TenantMetricsApi;
import com.pulse.functions.TenantSlosApi;
import com.pulse.functions.TenantTelemetryApi;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pulse serve}: the HTTP API's function classes on {@code http://127.0.0.1:<port>/api/...}
 * over the embedded stores, filled from what {@code pulse demo} computed ({@link LocalSnapshot}).
 * Authorization is the real one ({@link TenantAccess} over the tenants file); requests without an
 * {@code X-MS-CLIENT-PRINCIPAL} header act as {@code --as} (App Service authentication adds the
 * header in Azure). The SLO clock is the end of the newest telemetry window, so burn rates describe
 * the demo stream rather than an empty "now". Runs until interrupted (Ctrl+C), or for
 * {@code --seconds}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the Pulse HTTP API (same handlers as the function app) and the report on localhost, over the data of the last `pulse demo`.")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  LocalDirOption localDir;

  @Option(names = "--port", defaultValue = "7071", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}, the Functions host's).")
  int port;

  @Option(names = "--as", defaultValue = "operator",
      description = "Caller for requests without X-MS-CLIENT-PRINCIPAL: operator, none, or an email (customer-engineer role). Default ${DEFAULT-VALUE}.")
  String as;

  @Option(names = "--seconds", defaultValue = "0", description = "Stop after this many seconds (0 = until interrupted).")
  long seconds;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    Path dir = localDir.resolve();
    LocalSnapshot snapshot = LocalSnapshot.read(dir);
    InMemoryMetricStore metrics = new InMemoryMetricStore();
    metrics.upsertPoints(snapshot.points());
    InMemoryWindowStore windows = new InMemoryWindowStore();
    TenantWindows.documentsOf(snapshot.windows()).forEach(windows::create);
    Instant asOf = snapshot.windows().stream().map(WindowDocument::windowEnd).max(Comparator.naturalOrder())
        .orElse(Instant.now());
    Clock clock = Clock.fixed(asOf, ZoneOffset.UTC);
    CompositionRoot root = CliSupport.root(Map.of(Setting.PULSE_LOCAL_DIR.key(), dir.toString()));
    TenantAccess access = new TenantAccess(root.tenants());
    LocalApiServer.Handlers handlers = new LocalApiServer.Handlers(
        new HealthApi(new HealthCheck(metrics, new com.pulse.adapter.local.FileDeadLetterStore(dir.resolve(CompositionRoot.DEAD_LETTER_FILE)),
            () -> root.catalog().metrics(), clock)),
        new TenantMetricsApi(new TenantMetrics(metrics, access)),
        new TenantTelemetryApi(new TenantTelemetry(windows, access)),
        new TenantSlosApi(new TenantSlos(new TenantSloReader(windows, root.tenants(),
            new BurnRateEvaluator(BurnRateRule.DEFAULTS)), access, clock)));
    String principal = principal(root);
    try (LocalApiServer server = new LocalApiServer(port, handlers, principal, dir.resolve("report.html"))) {
      String base = "http://127.0.0.1:" + server.port();
      out.printf("Pulse API on %s (%d points, %d window documents; SLO clock %s)%n", base, snapshot.points().size(),
          snapshot.windows().size(), asOf);
      out.printf("requests without X-MS-CLIENT-PRINCIPAL act as: %s%n", principal == null ? "nobody (401)" : as);
      LocalApiServer.routes().forEach(r -> out.println("  GET " + base + r));
      out.printf("try: curl -s %s/api/tenants/tenant-1/slos%n", base);
      out.println("Ctrl+C to stop.");
      out.flush();
      CountDownLatch forever = new CountDownLatch(1);
      if (seconds > 0) {
        Thread.sleep(seconds * 1000);
      } else {
        forever.await();
      }
    }
    return 0;
  }

  private String principal(CompositionRoot root) {
    return switch (as) {
      case "none" -> null;
      case "operator" -> ClientPrincipal.encode("local-operator@localhost", Set.of(root.tenants().operatorRole()), Set.of());
      default -> {
        if (!as.contains("@")) {
          throw new IllegalArgumentException("--as must be operator, none or an email address: " + as);
        }
        yield ClientPrincipal.encode(as, Set.of(root.tenants().customerEngineerRole()), Set.of());
      }
    };
  }
}
