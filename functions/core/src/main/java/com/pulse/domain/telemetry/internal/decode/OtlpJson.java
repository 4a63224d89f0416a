package com.pulse.domain.telemetry.internal.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * OTLP/JSON reading steps the OTLP/JSON decoders share (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding):
 * int64 fields as decimal strings or JSON integers, the resource's attribute list, and the reasons of
 * a rejected body, each naming the resource as {@code <list>[<index>]} ({@code resourceSpans[2]}).
 * Every method throws {@link IllegalArgumentException} for an invalid body and {@link IOException}
 * from the parser. Stateless.
 */
final class OtlpJson {

  /** Reads one object of a list: a resource attribute or a record. */
  @FunctionalInterface
  interface AttributeReader {
    /** Reads the object the parser is on (its START_OBJECT). */
    void read() throws IOException;
  }

  private OtlpJson() {}

  /**
   * Reads a {@code resource} object (the parser on its value {@code v}), passing each entry of its
   * {@code attributes} to {@code attribute}; its other fields are skipped.
   */
  static void resourceAttributes(JsonParser p, JsonToken v, String list, int index, AttributeReader attribute)
      throws IOException {
    expect(v, JsonToken.START_OBJECT, "resource", list, index);
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("attributes")) {
        expect(value, JsonToken.START_ARRAY, field, list, index);
        while (p.nextToken() != JsonToken.END_ARRAY) {
          attribute.read();
        }
      } else {
        p.skipChildren();
      }
    }
  }

  /**
   * Reads a list of scopes (the parser on its value {@code v}, the array of field {@code field}),
   * passing each object of each scope's records field ({@code records}, or its snake_case form
   * {@code recordsSnake}) to {@code record}; the scopes' other fields are skipped.
   */
  static void scopeRecords(JsonParser p, JsonToken v, String field, String records, String recordsSnake, String list,
      int index, AttributeReader record) throws IOException {
    expect(v, JsonToken.START_ARRAY, field, list, index);
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(p.currentToken(), JsonToken.START_OBJECT, field, list, index);
      while (p.nextToken() != JsonToken.END_OBJECT) {
        String scopeField = p.currentName();
        JsonToken value = p.nextToken();
        if (scopeField.equals(records) || scopeField.equals(recordsSnake)) {
          expect(value, JsonToken.START_ARRAY, scopeField, list, index);
          while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p.currentToken(), JsonToken.START_OBJECT, scopeField, list, index);
            record.read();
          }
        } else {
          p.skipChildren();
        }
      }
    }
  }

  /** An int64: a decimal string (the OTLP/JSON form, parsed from the parser's buffer) or a JSON integer. */
  static long int64(JsonParser p, JsonToken v, String field, String list, int index) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (v != JsonToken.VALUE_STRING) {
      throw wrongType(field, "an int64 (decimal string or integer)", v, list, index);
    }
    char[] c = p.getTextCharacters();
    int i = p.getTextOffset();
    int end = i + p.getTextLength();
    boolean negative = i < end && c[i] == '-';
    long value = digits(c, negative ? i + 1 : i, end);
    if (value < 0) {
      throw new IllegalArgumentException(
          list + "[" + index + "]: field '" + field + "' is not an int64: \"" + p.getText() + "\"");
    }
    return negative ? -value : value;
  }

  /** As {@link #int64}, but a decimal string must not have a sign. */
  static long unsignedInt64(JsonParser p, JsonToken v, String field, String list, int index) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (v == JsonToken.VALUE_STRING) {
      int from = p.getTextOffset();
      long value = digits(p.getTextCharacters(), from, from + p.getTextLength());
      if (value >= 0) {
        return value;
      }
    }
    throw new IllegalArgumentException(list + "[" + index + "]: field '" + field
        + "' is not an unsigned int64: " + (v == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : v));
  }

  /** The value of the 1 to 19 decimal digits {@code c[from, end)}, or -1 if they are not or overflow a long. */
  private static long digits(char[] c, int from, int end) {
    if (from == end || end - from > 19) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < end; i++) {
      int d = c[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
      if (value < 0) {
        return -1;
      }
    }
    return value;
  }

  /**
   * What a JSON decoder throws for {@code failure} of its parser: a {@link JsonProcessingException} is
   * a malformed body ({@code "malformed JSON: <what> at byte <offset>"}); any other I/O failure cannot
   * happen on an in-memory body and is a bug ({@link UncheckedIOException}).
   */
  static RuntimeException rejected(IOException failure) {
    if (failure instanceof JsonProcessingException e) {
      return new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage() + " at byte "
          + (e.getLocation() == null ? -1 : e.getLocation().getByteOffset()), e);
    }
    return new UncheckedIOException("reading an in-memory body", failure);
  }

  /** Rejects the body unless {@code actual} is {@code expected} (an array, an object or else a string). */
  static void expect(JsonToken actual, JsonToken expected, String field, String list, int index) {
    if (actual != expected) {
      throw wrongType(field, expected == JsonToken.START_ARRAY ? "an array"
          : expected == JsonToken.START_OBJECT ? "an object" : "a string", actual, list, index);
    }
  }

  /** The reason for a field of the wrong JSON type. */
  static IllegalArgumentException wrongType(String field, String expected, JsonToken actual, String list, int index) {
    return new IllegalArgumentException(
        list + "[" + index + "]: field '" + field + "' must be " + expected + ", found " + actual);
  }
}
