package com.pulse.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import com.pulse.adapter.json.JsonMappers;
import com.pulse.app.api.AccessDeniedException;
import com.pulse.app.api.ClientPrincipal;
import com.pulse.app.port.DependencyException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JSON responses of the HTTP API and the one mapping of failures to status codes:
 * {@link AccessDeniedException} → 401 (no or malformed principal) or 403 (tenant not readable),
 * {@link IllegalArgumentException} → 400, {@link NoSuchElementException} → 404,
 * {@link DependencyException} → 503 with {@code Retry-After} (seconds; the dependency's own value or
 * 30). Errors have the body {@code {"error":{"code":"BadRequest","message":"..."}}}. Timestamps are
 * ISO-8601 strings. Stateless and thread-safe.
 */
final class HttpJson {
  static final ObjectMapper JSON = JsonMappers.iso();

  private HttpJson() {}

  /**
   * Runs {@code handler} and answers 200 with its result as JSON, or the mapped error; an unavailable
   * dependency is logged to {@code log} (the invocation's logger).
   */
  static HttpResponseMessage respond(HttpRequestMessage<?> request, Logger log, Supplier<?> handler) {
    try {
      return json(request, HttpStatus.OK, handler.get());
    } catch (AccessDeniedException e) {
      return e.authenticated()
          ? error(request, HttpStatus.FORBIDDEN, "Forbidden", e.getMessage())
          : error(request, HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage());
    } catch (IllegalArgumentException e) {
      return error(request, HttpStatus.BAD_REQUEST, "BadRequest", e.getMessage());
    } catch (NoSuchElementException e) {
      return error(request, HttpStatus.NOT_FOUND, "NotFound", e.getMessage());
    } catch (DependencyException e) {
      log.log(Level.WARNING, "dependency unavailable for " + request.getUri(), e);
      long retryAfterSeconds = Math.max(1, e.retryAfter().orElse(Duration.ofSeconds(30)).toSeconds());
      return request.createResponseBuilder(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Content-Type", "application/json")
          .header("Retry-After", Long.toString(retryAfterSeconds))
          .body(write(errorBody("ServiceUnavailable", e.getMessage())))
          .build();
    }
  }

  /**
   * The caller's {@code X-MS-CLIENT-PRINCIPAL} header (App Service authentication), or null; header
   * names are matched ignoring case (the host may lower-case them).
   */
  static String principal(HttpRequestMessage<?> request) {
    for (Map.Entry<String, String> h : request.getHeaders().entrySet()) {
      if (h.getKey().equalsIgnoreCase(ClientPrincipal.HEADER)) {
        return h.getValue();
      }
    }
    return null;
  }

  /** A JSON response with the given status. */
  static HttpResponseMessage json(HttpRequestMessage<?> request, HttpStatusType status, Object body) {
    return request.createResponseBuilder(status).header("Content-Type", "application/json").body(write(body)).build();
  }

  /** An error response. */
  static HttpResponseMessage error(HttpRequestMessage<?> request, HttpStatusType status, String code, String message) {
    return json(request, status, errorBody(code, message));
  }

  private static Map<String, Object> errorBody(String code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    return Map.of("error", error);
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize response " + body.getClass().getName(), e);
    }
  }
}
