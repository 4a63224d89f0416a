package com.pulse.cli.serve;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.pulse.app.api.ClientPrincipal;
import com.pulse.functions.HealthApi;
import com.pulse.functions.InProcessHttpRequest;
import com.pulse.functions.TenantMetricsApi;
import com.pulse.functions.TenantSlosApi;
import com.pulse.functions.TenantTelemetryApi;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Pulse HTTP API on a loopback port (JDK {@code HttpServer}), routing to the same function
 * classes the Functions host runs: {@code GET /api/health}, {@code /api/tenants/{id}/metrics},
 * {@code /api/tenants/{id}/telemetry}, {@code /api/tenants/{id}/slos}; {@code GET /} serves the
 * HTML report of the local data folder. Requests without an {@code X-MS-CLIENT-PRINCIPAL} header get
 * {@code defaultPrincipal} (what App Service authentication would add), if one is given.
 * Binds to 127.0.0.1 only. Thread-safe (the handlers are).
 */
public final class LocalApiServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LocalApiServer.class.getName());
  private static final Pattern TENANT_ROUTE = Pattern.compile("/api/tenants/([^/]+)/(metrics|telemetry|slos)");

  /** The function classes served. */
  public record Handlers(HealthApi health, TenantMetricsApi metrics, TenantTelemetryApi telemetry, TenantSlosApi slos) {}

  private final HttpServer server;

  /**
   * Starts serving.
   *
   * @param port TCP port on 127.0.0.1 (0 = any free port)
   * @param handlers the function classes
   * @param defaultPrincipal Base64 principal for requests without one, or null for none
   * @param report the HTML report served at {@code /}, or null
   * @throws IOException if the port cannot be bound
   */
  public LocalApiServer(int port, Handlers handlers, String defaultPrincipal, Path report) throws IOException {
    Objects.requireNonNull(handlers, "handlers");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        handle(exchange, handlers, defaultPrincipal, report);
      } catch (RuntimeException | IOException e) {
        LOG.log(Level.WARNING, "request " + exchange.getRequestURI() + " failed", e);
      }
    });
    server.start();
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void handle(HttpExchange exchange, Handlers h, String defaultPrincipal, Path report) throws IOException {
    URI uri = exchange.getRequestURI();
    String path = uri.getPath();
    if (!"GET".equals(exchange.getRequestMethod())) {
      send(exchange, 405, "application/json", "{\"error\":{\"code\":\"MethodNotAllowed\",\"message\":\"GET only\"}}");
      return;
    }
    if ((path.equals("/") || path.equals("/report.html")) && report != null && Files.exists(report)) {
      send(exchange, 200, "text/html; charset=utf-8", Files.readString(report, StandardCharsets.UTF_8));
      return;
    }
    Map<String, String> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
    if (defaultPrincipal != null && headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(ClientPrincipal.HEADER))) {
      headers.put(ClientPrincipal.HEADER, defaultPrincipal);
    }
    InProcessHttpRequest request = InProcessHttpRequest.get(uri, headers, query(uri.getRawQuery()));
    HttpResponseMessage response;
    Matcher m = TENANT_ROUTE.matcher(path);
    if (path.equals("/api/health")) {
      response = h.health().run(request);
    } else if (m.matches()) {
      String tenant = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
      response = switch (m.group(2)) {
        case "metrics" -> h.metrics().run(request, tenant, LocalExecutionContext.of("TenantMetrics"));
        case "telemetry" -> h.telemetry().run(request, tenant, LocalExecutionContext.of("TenantTelemetry"));
        default -> h.slos().run(request, tenant, LocalExecutionContext.of("TenantSlos"));
      };
    } else {
      send(exchange, 404, "application/json", "{\"error\":{\"code\":\"NotFound\",\"message\":\"routes: /api/health, "
          + "/api/tenants/{tenantId}/metrics, /api/tenants/{tenantId}/telemetry?from&to, /api/tenants/{tenantId}/slos\"}}");
      return;
    }
    String type = response.getHeader("Content-Type");
    Object body = response.getBody();
    String retryAfter = response.getHeader("Retry-After");
    if (retryAfter != null) {
      exchange.getResponseHeaders().add("Retry-After", retryAfter);
    }
    send(exchange, response.getStatusCode(), type == null ? "application/json" : type, body == null ? "" : body.toString());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      q.putIfAbsent(k, v);
    }
    return q;
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Routes served, for the command's banner. */
  public static List<String> routes() {
    return List.of("/api/health", "/api/tenants/{tenantId}/metrics", "/api/tenants/{tenantId}/telemetry?from=..&to=..",
        "/api/tenants/{tenantId}/slos[?at=..]", "/ (the HTML report)");
  }
}
