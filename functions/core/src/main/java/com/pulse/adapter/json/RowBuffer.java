package com.pulse.adapter.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;

/**
 * One UTF-8 JSON generator over an in-memory buffer, kept for row after row: write one root value
 * with {@link #generator()}, then {@link #take()} its bytes, which empties the buffer for the next
 * (no separator between root values). Saves the generator, its I/O context and the buffer that a
 * generator per row would allocate. Holds the generator's output buffer (8,000 bytes, not handed
 * back to Jackson's recycler) and the buffer's current block: 1 KiB, after a larger row the last
 * block of that row (Jackson caps a block at 128 KiB). After a failed write the generator may be
 * inside an object: drop the instance.
 *
 * <p>Not thread-safe: one instance per thread ({@link AdxRows} keeps one in a {@link ThreadLocal}).
 */
final class RowBuffer {
  private static final int FIRST_BLOCK_BYTES = 1_024;
  private final ByteArrayBuilder out = new ByteArrayBuilder(FIRST_BLOCK_BYTES);
  private final JsonGenerator generator;

  RowBuffer(JsonFactory factory) {
    try {
      generator = factory.createGenerator(out, JsonEncoding.UTF8);
    } catch (IOException e) {
      throw new IllegalStateException("an in-memory generator cannot fail", e);
    }
    generator.setRootValueSeparator(null);
  }

  /** The generator to write the next row with. */
  JsonGenerator generator() {
    return generator;
  }

  /**
   * The bytes written since the last call, as a new array; the buffer is empty afterwards.
   *
   * @throws IOException if the generator cannot flush (it writes to memory, so it does not)
   */
  byte[] take() throws IOException {
    generator.flush();
    byte[] bytes = out.toByteArray();
    out.reset();
    return bytes;
  }
}
