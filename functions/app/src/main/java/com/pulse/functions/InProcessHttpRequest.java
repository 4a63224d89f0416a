package com.pulse.functions;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bodiless {@code GET} request, as the Functions host passes it to an HTTP function, built in
 * process so the very same {@code @FunctionName} handlers can be called without the host: by
 * {@code pulse serve} over a plain local HTTP exchange, and by the function tests. Its response
 * builder keeps the status, every header and the body, and builds a plain {@link HttpResponseMessage}.
 *
 * <p>The request is immutable (headers and query parameters are copied); each response builder is
 * single-use and not thread-safe.
 */
public final class InProcessHttpRequest implements HttpRequestMessage<Optional<String>> {
  private final URI uri;
  private final Map<String, String> headers;
  private final Map<String, String> queryParameters;

  private InProcessHttpRequest(URI uri, Map<String, String> headers, Map<String, String> queryParameters) {
    this.uri = Objects.requireNonNull(uri, "uri");
    this.headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    this.queryParameters = Map.copyOf(Objects.requireNonNull(queryParameters, "queryParameters"));
  }

  /**
   * A {@code GET} request.
   *
   * @param uri the request URI, as the host reports it
   * @param headers request headers (one value per name)
   * @param queryParameters decoded query parameters (one value per name); the function reads these,
   *     not the URI's query string
   * @return the request
   * @throws NullPointerException if {@code uri}, {@code headers} or {@code queryParameters} is null,
   *     or either map holds a null name or value
   */
  public static InProcessHttpRequest get(URI uri, Map<String, String> headers, Map<String, String> queryParameters) {
    return new InProcessHttpRequest(uri, headers, queryParameters);
  }

  @Override
  public URI getUri() {
    return uri;
  }

  @Override
  public HttpMethod getHttpMethod() {
    return HttpMethod.GET;
  }

  @Override
  public Map<String, String> getHeaders() {
    return headers;
  }

  @Override
  public Map<String, String> getQueryParameters() {
    return queryParameters;
  }

  @Override
  public Optional<String> getBody() {
    return Optional.empty();
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
    return new Builder(status);
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
    return new Builder(status);
  }

  /** A built response: the status, the headers as set (one value per name) and the body object. */
  private record Response(HttpStatusType status, Map<String, String> headers, Object body) implements HttpResponseMessage {
    @Override
    public HttpStatusType getStatus() {
      return status;
    }

    @Override
    public String getHeader(String key) {
      return headers.get(key);
    }

    @Override
    public Object getBody() {
      return body;
    }
  }

  private static final class Builder implements HttpResponseMessage.Builder {
    private HttpStatusType status;
    private final Map<String, String> headers = new HashMap<>();
    private Object body;

    Builder(HttpStatusType status) {
      this.status = status;
    }

    @Override
    public HttpResponseMessage.Builder status(HttpStatusType status) {
      this.status = status;
      return this;
    }

    @Override
    public HttpResponseMessage.Builder header(String key, String value) {
      headers.put(key, value);
      return this;
    }

    @Override
    public HttpResponseMessage.Builder body(Object body) {
      this.body = body;
      return this;
    }

    @Override
    public HttpResponseMessage build() {
      return new Response(status, Map.copyOf(headers), body);
    }
  }
}
