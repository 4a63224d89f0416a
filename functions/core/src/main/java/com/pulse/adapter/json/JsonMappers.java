package com.pulse.adapter.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Pulse's one Jackson configuration for records with {@code java.time} fields: {@code Instant} and
 * {@code Duration} as ISO-8601 text ({@code "2026-11-20T10:00:00Z"}, {@code "PT1M"}) kept in UTC on
 * read, {@code byte[]} as base64, unknown properties ignored on read (documents written by a newer
 * version still load). Used by the Cosmos DB documents, the local dead-letter file, the HTTP API and
 * the CLI's JSON output, so the same record has the same JSON everywhere.
 *
 * <p>Thread-safe: the mapper is configured once here; callers must not reconfigure it.
 */
public final class JsonMappers {
  private static final ObjectMapper ISO = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .build();

  private JsonMappers() {}

  /** The shared mapper described above. */
  public static ObjectMapper iso() {
    return ISO;
  }
}
