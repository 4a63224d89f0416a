package com.pulse.app.port;

import java.util.Objects;

/**
 * A stored value with the opaque concurrency token (Cosmos DB {@code _etag}) it was read or written
 * with; pass {@link #etag()} back to a conditional replace. Immutable.
 *
 * @param value the document
 * @param etag opaque entity tag, never null
 * @param <T> document type
 */
public record Versioned<T>(T value, String etag) {
  /** @throws NullPointerException if {@code value} or {@code etag} is null */
  public Versioned {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(etag, "etag");
  }
}
