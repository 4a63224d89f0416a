package com.pulse.functions;

import java.util.HashMap;
import java.util.Map;

/**
 * One event's {@code SystemPropertiesArray} entry as the Java worker delivers it to an Event Hub
 * function with {@code cardinality = MANY}: the sequence number as a {@code Double} (Gson), the offset
 * as a string, the enqueued time as ISO-8601, a null partition key and, when given, the AMQP
 * {@code content-type}. For the function tests.
 */
final class EventHubSystemProperties {
  private EventHubSystemProperties() {}

  /** @param contentType the event's content type, or null for none (the kafka exporter's events) */
  static Map<String, Object> of(long sequenceNumber, String offset, String enqueuedTime, String contentType) {
    Map<String, Object> m = new HashMap<>();
    m.put(EventHubBindingData.SEQUENCE_NUMBER, (double) sequenceNumber);
    m.put(EventHubBindingData.OFFSET, offset);
    m.put(EventHubBindingData.ENQUEUED_TIME, enqueuedTime);
    m.put("x-opt-partition-key", null);
    if (contentType != null) {
      m.put("content-type", contentType);
    }
    return m;
  }
}
