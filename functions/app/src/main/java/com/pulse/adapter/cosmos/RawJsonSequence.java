package com.pulse.adapter.cosmos;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;

/**
 * A JSON object or array as raw parts: {@code open}, the parts' bytes separated by commas,
 * {@code close} (a series object of {@link TenantWindowJson}, an element list of
 * {@link SeriesListJson}). Serialized part by part with the generator's raw writes, so the whole is
 * never copied; a {@link TokenBuffer} (which the Cosmos SDK fills when it converts a created item to
 * a map to check its id) takes it as one raw value instead. Implementations are immutable.
 */
abstract class RawJsonSequence implements JsonSerializable {
  private final SerializableString open;
  private final char close;
  private final RawJson[] parts;

  /**
   * @param open {@code '{'} or {@code '['}, and {@code close} its match
   * @param parts the members or elements, in order; kept, not copied (a subclass may keep the same
   *     array under its own element type), and never written here
   */
  RawJsonSequence(char open, char close, RawJson[] parts) {
    this.open = new SerializedString(String.valueOf(open));
    this.close = close;
    this.parts = parts;
  }

  /** Number of parts. */
  final int size() {
    return parts.length;
  }

  /** Part {@code i}, {@code 0 <= i < size()}: a member or an element. */
  final RawJson part(int i) {
    return parts[i];
  }

  /** Bytes of the whole: brackets, commas and parts (only a token buffer needs it). */
  private int length() {
    int n = size();
    int length = 2 + Math.max(0, n - 1);
    for (int i = 0; i < n; i++) {
      length += part(i).length();
    }
    return length;
  }

  /** Writes the whole as a value: raw brackets, commas and parts. */
  @Override
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    if (gen instanceof TokenBuffer) { // records tokens, cannot take raw fragments
      int length = length();
      gen.writeRawValue(new RawJson() {
        @Override
        int length() {
          return length;
        }

        @Override
        void append(byte[] buffer, int offset) {
          RawJsonSequence.this.append(buffer, offset);
        }
      });
      return;
    }
    gen.writeRawValue(open);
    for (int i = 0, n = size(); i < n; i++) {
      if (i > 0) {
        gen.writeRaw(',');
      }
      gen.writeRaw(part(i));
    }
    gen.writeRaw(close);
  }

  /** As {@link #serialize}: the value carries no type id. */
  @Override
  public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    serialize(gen, serializers);
  }

  /** Copies the whole into {@code buffer} at {@code offset}, which has room for all of it. */
  private void append(byte[] buffer, int offset) {
    int at = offset;
    buffer[at++] = (byte) open.getValue().charAt(0);
    for (int i = 0, n = size(); i < n; i++) {
      if (i > 0) {
        buffer[at++] = ',';
      }
      RawJson part = part(i);
      part.append(buffer, at);
      at += part.length();
    }
    buffer[at] = (byte) close;
  }
}
