package com.pulse.app.port;

import java.util.Objects;

/**
 * Address of one document for a point read: partition key value and id.
 *
 * @param partitionKey partition key value (tenant id for {@code windows} and {@code metrics})
 * @param id document id
 */
public record DocumentKey(String partitionKey, String id) {
  /** @throws NullPointerException if an argument is null */
  public DocumentKey {
    Objects.requireNonNull(partitionKey, "partitionKey");
    Objects.requireNonNull(id, "id");
  }
}
