package com.pulse.domain.telemetry.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.TelemetryDecoder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.resources.Resource;
import org.junit.jupiter.api.Test;

/**
 * The OTLP counting rules, run against both encodings (protobuf and OTLP/JSON) of the same spans.
 */
abstract class OtlpDecoderContract {
  static final long T0 = 1_763_703_697_123_456_789L; // 2025-11-21T05:41:37.123456789Z
  static final Resource CONTOSO = OtlpSpans.resource("checkout", "contoso");
  static final Resource FABRIKAM = OtlpSpans.resource("search", "fabrikam");

  final TelemetryDecoders decoders = new TelemetryDecoders();
  final RecordingSink sink = new RecordingSink();

  /** The bytes of the spans in this test's encoding. */
  abstract byte[] encode(OtlpSpans spans);

  abstract TelemetryDecoder decoder();

  int decode(OtlpSpans spans) {
    return decoder().decode(encode(spans), sink);
  }

  @Test
  void everySpanKindBecomesARequestADependencyCallOrACountedInternalSpan() {
    OtlpSpans spans = new OtlpSpans()
        .span(CONTOSO, "server", SpanKind.SERVER, T0, 1_000_000)
        .span(CONTOSO, "client", SpanKind.CLIENT, T0, 1_000_000)
        .span(CONTOSO, "internal", SpanKind.INTERNAL, T0, 1_000_000)
        .span(CONTOSO, "producer", SpanKind.PRODUCER, T0, 1_000_000)
        .span(CONTOSO, "consumer", SpanKind.CONSUMER, T0, 1_000_000);

    assertThat(decode(spans)).isEqualTo(5);

    assertThat(sink.requests)
        .extracting(RecordingSink.Request::operation)
        .containsExactlyInAnyOrder("server", "consumer");
    assertThat(sink.dependencies)
        .extracting(RecordingSink.Dependency::operation)
        .containsExactlyInAnyOrder("client", "producer");
    assertThat(sink.internalSpans).containsExactly("contoso/checkout");
  }

  @Test
  void dependencyFollowsTheSemanticConventions() {
    decode(new OtlpSpans()
        .span(CONTOSO, "SELECT orders", SpanKind.CLIENT, T0, 2_000_000,
            s -> s.setAttribute("db.system.name", "postgresql").setAttribute("db.namespace", "shop")
                .setAttribute("server.address", "db.internal"))
        .span(CONTOSO, "SELECT legacy", SpanKind.CLIENT, T0, 1,
            s -> s.setAttribute("db.system", "mssql").setAttribute("db.name", "crm"))
        .span(CONTOSO, "GET", SpanKind.CLIENT, T0, 1,
            s -> s.setAttribute("server.address", "api.stripe.com").setAttribute("http.response.status_code", 404L))
        .span(CONTOSO, "publish orders", SpanKind.PRODUCER, T0, 1,
            s -> s.setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", "orders"))
        .span(CONTOSO, "Charge", SpanKind.CLIENT, T0, 1,
            s -> s.setAttribute("peer.service", "payments").setAttribute("server.address", "10.0.0.7")
                .setAttribute("error.type", "timeout"))
        .span(CONTOSO, "grpc", SpanKind.CLIENT, T0, 1,
            s -> s.setAttribute("rpc.system", "grpc").setAttribute("rpc.service", "Inventory"))
        .span(CONTOSO, "mystery", SpanKind.CLIENT, T0, 1, OtlpSpans::error));

    assertThat(sink.dependencies).extracting(d -> d.dependency() + " " + d.operation() + " " + d.error())
        .containsExactly("postgresql/shop SELECT orders false", "mssql/crm SELECT legacy false",
            "api.stripe.com GET true", "kafka/orders publish orders false", "payments Charge true",
            "grpc/Inventory grpc false", "unknown mystery true");
    assertThat(sink.dependencies.get(0).durationMs()).isEqualTo(2.0);
    assertThat(sink.dependencies.get(0).tenantId()).isEqualTo("contoso");
    assertThat(sink.dependencies.get(0).service()).isEqualTo("checkout");
  }

  @Test
  void mapsTenantServiceTimesAndLatency() {
    decode(new OtlpSpans().span(CONTOSO, "GET", SpanKind.SERVER, T0, 12_345_678));

    assertThat(sink.requests)
        .containsExactly(new RecordingSink.Request(
            "contoso", "checkout", "GET", 1_763_703_697_123L, 12.345678, false, null));
  }

  @Test
  void operationIsHttpRouteElseSpanName() {
    decode(new OtlpSpans()
        .span(CONTOSO, "GET /orders/42", SpanKind.SERVER, T0, 1,
            s -> s.setAttribute("http.route", "/orders/{id}"))
        .span(CONTOSO, "process order", SpanKind.CONSUMER, T0, 1));

    assertThat(sink.requests)
        .extracting(RecordingSink.Request::operation)
        .containsExactly("/orders/{id}", "process order");
  }

  @Test
  void errorIsStatusErrorOrHttpStatusAtLeast500() {
    decode(new OtlpSpans()
        .span(CONTOSO, "status-error", SpanKind.SERVER, T0, 1, OtlpSpans::error)
        .span(CONTOSO, "http-503", SpanKind.SERVER, T0, 1,
            s -> s.setAttribute("http.response.status_code", 503L))
        .span(CONTOSO, "old-500", SpanKind.SERVER, T0, 1,
            s -> s.setAttribute("http.status_code", 500L))
        .span(CONTOSO, "http-499", SpanKind.SERVER, T0, 1,
            s -> s.setAttribute("http.response.status_code", 499L))
        .span(CONTOSO, "ok", SpanKind.SERVER, T0, 1,
            s -> s.setAttribute("http.response.status_code", 200L)
                .setStatus(io.opentelemetry.api.trace.StatusCode.OK)));

    assertThat(sink.requests)
        .extracting(RecordingSink.Request::operation, RecordingSink.Request::error)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("status-error", true),
            org.assertj.core.groups.Tuple.tuple("http-503", true),
            org.assertj.core.groups.Tuple.tuple("old-500", true),
            org.assertj.core.groups.Tuple.tuple("http-499", false),
            org.assertj.core.groups.Tuple.tuple("ok", false));
  }

  @Test
  void userIsUserIdElseEnduserId() {
    decode(new OtlpSpans()
        .span(CONTOSO, "both", SpanKind.SERVER, T0, 1,
            s -> s.setAttribute("enduser.id", "old").setAttribute("user.id", "new"))
        .span(CONTOSO, "old", SpanKind.SERVER, T0, 1, s -> s.setAttribute("enduser.id", "e-7"))
        .span(CONTOSO, "none", SpanKind.SERVER, T0, 1));

    assertThat(sink.requests)
        .extracting(RecordingSink.Request::userId)
        .containsExactly("new", "e-7", null);
  }

  @Test
  void everyRequestKeepsItsOwnUserWhateverItsCharacters() {
    // ASCII ids reach the sink as views of the body (protobuf), others as strings; each span keeps its own
    decode(new OtlpSpans()
        .span(CONTOSO, "a", SpanKind.SERVER, T0, 1, s -> s.setAttribute("user.id", "u-1"))
        .span(CONTOSO, "b", SpanKind.SERVER, T0, 1, s -> s.setAttribute("user.id", "z\u00fcrich-\u2713"))
        .span(CONTOSO, "c", SpanKind.SERVER, T0, 1,
            s -> s.setAttribute("user.id", "\u00e9").setAttribute("enduser.id", "e-2"))
        .span(CONTOSO, "e", SpanKind.SERVER, T0, 1, s -> s.setAttribute("enduser.id", "e-3")));

    assertThat(sink.requests)
        .extracting(RecordingSink.Request::userId)
        .containsExactly("u-1", "z\u00fcrich-\u2713", "\u00e9", "e-3");
  }

  @Test
  void separatesResourcesOfOneRequestAndDefaultsTheServiceName() {
    decode(new OtlpSpans()
        .span(CONTOSO, "a", SpanKind.SERVER, T0, 1)
        .span(FABRIKAM, "b", SpanKind.SERVER, T0, 1)
        .span(OtlpSpans.resource(null, "tailspin"), "c", SpanKind.SERVER, T0, 1));

    assertThat(sink.requests)
        .extracting(r -> r.tenantId() + "/" + r.service() + "/" + r.operation())
        .containsExactlyInAnyOrder("contoso/checkout/a", "fabrikam/search/b", "tailspin/unknown_service/c");
  }

  @Test
  void decodesALargeRequestInOrder() {
    OtlpSpans spans = new OtlpSpans();
    for (int i = 0; i < 200; i++) {
      spans.span(CONTOSO, "op-" + (i % 7), SpanKind.SERVER, T0 + i * 1_000_000L, i * 10_000L);
    }

    assertThat(decode(spans)).isEqualTo(200);

    for (int i = 0; i < 200; i++) {
      RecordingSink.Request r = sink.requests.get(i);
      assertThat(r.operation()).isEqualTo("op-" + (i % 7));
      assertThat(r.startEpochMillis()).isEqualTo((T0 + i * 1_000_000L) / 1_000_000L);
      assertThat(r.durationMs()).isEqualTo(i * 0.01, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void missingTenantIsUnattributableAndNothingIsEmitted() {
    OtlpSpans spans = new OtlpSpans()
        .span(CONTOSO, "a", SpanKind.SERVER, T0, 1)
        .span(OtlpSpans.resource("billing", null), "b", SpanKind.SERVER, T0, 1);

    assertThatThrownBy(() -> decode(spans))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching("unattributable: resourceSpans\\[\\d] has no resource attribute tenant.id");
    assertThat(sink.requests).isEmpty();
  }

  @Test
  void aDependencyCallWithoutTenantIsUnattributableToo() {
    assertThatThrownBy(() -> decode(new OtlpSpans()
        .span(OtlpSpans.resource("billing", null), "out", SpanKind.CLIENT, T0, 1)))
        .hasMessageMatching("unattributable: resourceSpans\\[\\d] has no resource attribute tenant.id");
    assertThat(sink.dependencies).isEmpty();
  }

  @Test
  void decoderIsReusableAfterAFailure() {
    OtlpSpans bad = new OtlpSpans().span(OtlpSpans.resource("x", null), "a", SpanKind.SERVER, T0, 1);
    assertThatThrownBy(() -> decode(bad)).isInstanceOf(IllegalArgumentException.class);

    decode(new OtlpSpans().span(FABRIKAM, "b", SpanKind.SERVER, T0, 1));

    assertThat(sink.requests).extracting(RecordingSink.Request::tenantId).containsExactly("fabrikam");
  }

  @Test
  void truncatedBodiesAreRejectedWithoutEmitting() {
    byte[] full = encode(new OtlpSpans()
        .span(CONTOSO, "a", SpanKind.SERVER, T0, 1, s -> s.setAttribute("http.route", "/a"))
        .span(CONTOSO, "b", SpanKind.SERVER, T0, 1));
    for (int cut = 1; cut < full.length; cut += Math.max(1, full.length / 40)) {
      byte[] truncated = java.util.Arrays.copyOf(full, full.length - cut);
      int n;
      try {
        n = decoder().decode(truncated, sink);
      } catch (IllegalArgumentException expected) {
        assertThat(sink.requests).as("cut %d", cut).isEmpty();
        continue;
      }
      // a protobuf prefix may end exactly on a field boundary and still be a valid, smaller request
      assertThat(n).as("cut %d", cut).isLessThanOrEqualTo(2);
      sink.requests.clear();
    }
  }
}
