package com.pulse.domain.telemetry.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.TelemetryDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PulseJsonDecoderTest {
  private final TelemetryDecoders decoders = new TelemetryDecoders();
  private final TelemetryDecoder json = decoders.forContentType("application/json");
  private final RecordingSink sink = new RecordingSink();

  private int decode(String body) {
    return json.decode(body.getBytes(StandardCharsets.UTF_8), sink);
  }

  private static String event(String tenant, String timestamp, String status) {
    return "{\"tenantId\":\"" + tenant + "\",\"service\":\"checkout\",\"operation\":\"POST /orders\","
        + "\"timestamp\":" + timestamp + ",\"durationMs\":12.5,\"status\":\"" + status + "\","
        + "\"userId\":\"u-42\",\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"}";
  }

  @Test
  void decodesOneObjectWithIsoTimestamp() {
    assertThat(decode(event("contoso", "\"2026-11-21T05:41:37.123Z\"", "ok"))).isEqualTo(1);

    assertThat(sink.requests)
        .containsExactly(
            new RecordingSink.Request(
                "contoso",
                "checkout",
                "POST /orders",
                Instant.parse("2026-11-21T05:41:37.123Z").toEpochMilli(),
                12.5,
                false,
                "u-42"));
  }

  @Test
  void decodesAnArrayInOrderWithEpochMillisAndErrorStatus() {
    String body = "[" + event("a", "1763703697123", "error") + "," + event("b", "0", "OK") + "]";

    assertThat(decode(body)).isEqualTo(2);

    assertThat(sink.requests).extracting(RecordingSink.Request::tenantId).containsExactly("a", "b");
    assertThat(sink.requests.get(0).startEpochMillis()).isEqualTo(1763703697123L);
    assertThat(sink.requests.get(0).error()).isTrue();
    assertThat(sink.requests.get(1).error()).isFalse();
  }

  @Test
  void acceptsOffsetsFractionsAndOtherIsoShapes() {
    String[] timestamps = {
      "2026-11-21T06:41:37+01:00",
      "2026-11-21T05:41:37.123456789Z",
      "2024-02-29T23:59:59.9-00:30",
      "2026-11-21T05:41Z",
      "1969-12-31T23:59:59.999Z"
    };
    for (String ts : timestamps) {
      sink.requests.clear();
      decode(event("t", "\"" + ts + "\"", "ok"));
      assertThat(sink.requests.get(0).startEpochMillis())
          .as(ts)
          .isEqualTo(java.time.OffsetDateTime.parse(ts).toInstant().toEpochMilli());
    }
  }

  @Test
  void optionalFieldsMayBeAbsentOrNullAndUnknownFieldsAreIgnored() {
    decode("{\"extra\":{\"nested\":[1,2,{\"x\":null}]},\"traceparent\":{\"odd\":[1]},\"tenantId\":\"t\",\"service\":\"s\","
        + "\"operation\":\"o\",\"timestamp\":5,\"durationMs\":0,\"status\":\"ok\",\"userId\":null}");

    assertThat(sink.requests)
        .containsExactly(new RecordingSink.Request("t", "s", "o", 5, 0.0, false, null));
  }

  @Test
  void missingTenantIsUnattributable() {
    assertThatThrownBy(
            () -> decode("{\"service\":\"s\",\"operation\":\"o\",\"timestamp\":1,\"durationMs\":1,\"status\":\"ok\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unattributable: event 0 has no tenantId");
    assertThatThrownBy(() -> decode(event("", "1", "ok")))
        .hasMessageStartingWith("unattributable:");
    assertThatThrownBy(() -> decode(event("x", "1", "ok").replace("\"x\"", "null")))
        .hasMessageStartingWith("unattributable: event 0 has no tenantId");
  }

  @Test
  void isAllOrNothingWhenALaterEventIsInvalid() {
    String body = "[" + event("a", "1", "ok") + "," + event("b", "1", "maybe") + "]";

    assertThatThrownBy(() -> decode(body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event 1: status must be \"ok\" or \"error\"");
    assertThat(sink.requests).isEmpty();

    decode(event("c", "1", "ok"));
    assertThat(sink.requests).extracting(RecordingSink.Request::tenantId).containsExactly("c");
  }

  @Test
  void rejectsWrongTypesAndMissingFieldsWithTheFieldName() {
    assertThatThrownBy(() -> decode(event("t", "\"yesterday\"", "ok")))
        .hasMessageContaining("event 0: timestamp not an ISO-8601 date-time");
    assertThatThrownBy(() -> decode(event("t", "\"2026-11-21T05:41:37\"", "ok")))
        .hasMessageContaining("timestamp not an ISO-8601 date-time with offset");
    assertThatThrownBy(() -> decode(event("t", "true", "ok")))
        .hasMessageContaining("field 'timestamp' must be");
    assertThatThrownBy(() -> decode(event("t", "1", "ok").replace("12.5", "\"12\"")))
        .hasMessageContaining("field 'durationMs' must be a number, found VALUE_STRING");
    assertThatThrownBy(() -> decode(event("t", "1", "ok").replace("12.5", "-1")))
        .hasMessageContaining("durationMs must be finite and >= 0");
    assertThatThrownBy(() -> decode(event("t", "1", "ok").replace("\"checkout\"", "7")))
        .hasMessageContaining("field 'service' must be a string");
    assertThatThrownBy(() -> decode(event("t", "1", "ok").replace("\"u-42\"", "42")))
        .hasMessageContaining("field 'userId' must be a string");
    assertThatThrownBy(() -> decode("{\"tenantId\":\"t\",\"service\":\"s\",\"operation\":\"o\",\"durationMs\":1,\"status\":\"ok\"}"))
        .hasMessage("event 0: missing required field 'timestamp'");
    assertThatThrownBy(() -> decode("[1]")).hasMessageContaining("event 0: expected a JSON object");
    assertThat(sink.requests).isEmpty();
  }

  @Test
  void rejectsMalformedJson() {
    String valid = event("t", "1", "ok");
    assertThatThrownBy(() -> decode(valid.substring(0, valid.length() - 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed JSON:");
    assertThatThrownBy(() -> decode(valid + "}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> decode("")).hasMessageContaining("empty body");
    assertThatThrownBy(() -> decode("\"text\"")).hasMessageContaining("expected a JSON object or array");
    assertThat(sink.requests).isEmpty();
  }

  @Test
  void everyEventOfAnArrayKeepsItsOwnUser() {
    // plain ids reach the sink as views of the body, escaped and non-ASCII ones as strings
    decode("[" + String.join(",",
        userEvent("\"u-1\""), userEvent("\"u\\/2\""), userEvent("\"\u00fc-3\""), userEvent("null"),
        userEvent("\"\""), userEvent("\"u-1\"")) + "]");

    assertThat(sink.requests).extracting(RecordingSink.Request::userId)
        .containsExactly("u-1", "u/2", "\u00fc-3", null, "", "u-1");
  }

  @Test
  void anInvalidTenantIsRejectedEveryTimeAfterValidOnes() {
    // names that passed are remembered by reference; one that failed must fail again
    decode(event("contoso", "5", "ok"));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> decode(event("not a tenant", "5", "ok")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("unattributable:");
      assertThatThrownBy(() -> decode(event("contoso", "5", "ok").replace("\"service\":\"checkout\"",
          "\"service\":\"\"")))
          .isInstanceOf(IllegalArgumentException.class);
    }
    decode(event("contoso", "5", "ok"));

    assertThat(sink.requests).hasSize(2);
  }

  private static String userEvent(String user) {
    return "{\"tenantId\":\"t\",\"service\":\"s\",\"operation\":\"o\",\"timestamp\":5,\"durationMs\":1,"
        + "\"status\":\"ok\",\"userId\":" + user + "}";
  }

  private static final RecordingSink.Request CANONICAL = new RecordingSink.Request("contoso", "checkout",
      "POST /orders", Instant.parse("2026-11-21T05:41:37.123Z").toEpochMilli(), 12.5, true, "u-42");

  @Test
  void escapedAndNonAsciiStringsDecodeAsJacksonReadsThem() {
    decode("{\"tenantId\":\"con\\u0074oso\",\"service\":\"z\u00fcrich-\u2713\",\"operation\":\"GET /a\\\"b\","
        + "\"timestamp\":\"2026-11-21T05:41:37.123\\u005a\",\"durationMs\":1,\"status\":\"\\u006fK\","
        + "\"userId\":\"u\\/42\"}");
    decode(event("contoso", "\"2026-11-21T05:41:37.123Z\"", "ERROR"));

    assertThat(sink.requests).containsExactly(
        new RecordingSink.Request("contoso", "z\u00fcrich-\u2713", "GET /a\"b",
            Instant.parse("2026-11-21T05:41:37.123Z").toEpochMilli(), 1.0, false, "u/42"),
        new RecordingSink.Request("contoso", "checkout", "POST /orders",
            Instant.parse("2026-11-21T05:41:37.123Z").toEpochMilli(), 12.5, true, "u-42"));
  }

  @Test
  void fieldsInAnyOrderWithAnySpacingUnknownFieldsAndRepeatsDecodeTheSame() {
    String[] fields = {
      "\"tenantId\":\"contoso\"", "\"service\":\"checkout\"", "\"operation\":\"POST /orders\"",
      "\"timestamp\":\"2026-11-21T05:41:37.123Z\"", "\"durationMs\":12.5", "\"status\":\"error\"",
      "\"userId\":\"u-42\"", "\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"",
      "\"extra\":{\"tenantId\":\"nested\",\"a\":[\"b\"]}", "\"status\":\"ok\",\"status\":\"error\"",
    };
    String[] spaces = {"", " ", "\n  ", "\t", "\r\n"};
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    for (int round = 0; round < 500; round++) {
      java.util.List<String> order = new java.util.ArrayList<>(java.util.Arrays.asList(fields));
      java.util.Collections.shuffle(order, new java.util.Random(random.nextLong()));
      StringBuilder body = new StringBuilder(spaces[random.nextInt(spaces.length)]).append('{');
      for (int i = 0; i < order.size(); i++) {
        String space = spaces[random.nextInt(spaces.length)];
        body.append(i == 0 ? "" : ",").append(space).append(order.get(i).replaceFirst("\":", "\"" + space + ":" + space));
      }
      body.append(spaces[random.nextInt(spaces.length)]).append('}');
      sink.requests.clear();
      String text = body.toString();
      // the last "status" in the body wins, as any repeated field
      boolean error = text.lastIndexOf("\"error\"") > text.lastIndexOf("\"ok\"");

      decode(text);

      assertThat(sink.requests).as(text).containsExactly(new RecordingSink.Request(CANONICAL.tenantId(),
          CANONICAL.service(), CANONICAL.operation(), CANONICAL.startEpochMillis(), CANONICAL.durationMs(), error,
          CANONICAL.userId()));
    }
  }

  @Test
  void aUtf16BodyIsReadThroughJackson() {
    byte[] utf16 = event("contoso", "\"2026-11-21T05:41:37.123Z\"", "error").getBytes(StandardCharsets.UTF_16BE);

    assertThat(json.decode(utf16, sink)).isEqualTo(1);

    assertThat(sink.requests).containsExactly(CANONICAL);
  }

  @Test
  void everyTruncationIsRejectedAsAnInvalidBody() {
    String valid = event("contoso", "\"2026-11-21T05:41:37.123Z\"", "error");
    for (int cut = 0; cut < valid.length(); cut++) {
      String prefix = valid.substring(0, cut);
      assertThatThrownBy(() -> decode(prefix)).as(prefix).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(sink.requests).isEmpty();
  }

  @Test
  void rawControlCharactersInADecodedStringAreMalformedJson() {
    assertThatThrownBy(() -> decode(event("con\u0001toso", "1", "ok"))).hasMessageStartingWith("malformed JSON:");
    assertThatThrownBy(() -> decode(event("t", "\"2026-11-21T05:41:37.123Z\u0001\"", "ok")))
        .hasMessageStartingWith("malformed JSON:");
  }
}
