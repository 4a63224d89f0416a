package com.pulse.adapter.cosmos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.adapter.json.JsonMappers;

/**
 * Generic mapping between Pulse's records and Cosmos DB JSON documents, with Jackson: record
 * components become properties of the same name, {@code Instant} an ISO-8601 string
 * ({@code 2024-05-01T10:00:00Z}), {@code byte[]} a base64 string (RFC 4648), maps JSON objects. No
 * field is mapped by hand, so a component added to a record is stored and read back without a code
 * change here. Cosmos DB's system properties ({@code _rid}, {@code _etag}, {@code _ts}, ...) and
 * adapter-only properties ({@code id} on records without one, {@code ttl}) are ignored when reading.
 *
 * <p>Thread-safe (the {@link ObjectMapper} is configured once and only used afterwards).
 */
public final class CosmosDocuments {
  /** Cosmos DB's entity tag property. */
  public static final String ETAG = "_etag";

  private static final ObjectMapper MAPPER = JsonMappers.iso();

  private CosmosDocuments() {}

  /**
   * The JSON document of {@code value}.
   *
   * @param value a record (or any Jackson-serializable value that maps to a JSON object)
   * @throws IllegalArgumentException if {@code value} does not serialize to a JSON object
   */
  public static ObjectNode toDocument(Object value) {
    var node = MAPPER.valueToTree(value);
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("not a JSON object: " + value.getClass().getName());
    }
    return object;
  }

  /**
   * {@code value} as the UTF-8 JSON {@link #toDocument} would make of it (the same mapper), without a
   * tree: how {@link SeriesListJson} writes a document's elements.
   *
   * @throws IllegalArgumentException if {@code value} does not serialize
   */
  static byte[] toJsonBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serializable: " + value.getClass().getName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The JSON document of {@code value} with property {@code id} set (for records whose identity has
   * another name, such as {@code JobState.metric}).
   */
  public static ObjectNode toDocument(Object value, String id) {
    ObjectNode document = toDocument(value);
    document.put("id", id);
    return document;
  }

  /**
   * Reads a stored document back into {@code type}.
   *
   * @throws IllegalStateException naming the document id if it does not fit {@code type} (a document
   *     written by an incompatible version)
   */
  public static <T> T fromDocument(ObjectNode document, Class<T> type) {
    try {
      return MAPPER.treeToValue(document, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("Cosmos document " + document.path("id").asText("?")
          + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** The document's {@code _etag}, or null if it has none. */
  public static String etagOf(ObjectNode document) {
    var etag = document.get(ETAG);
    return etag == null || etag.isNull() ? null : etag.asText();
  }
}
