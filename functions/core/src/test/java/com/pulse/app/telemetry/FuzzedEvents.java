package com.pulse.app.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutates a seeded stream for the conservation fuzz tests: about one event in ten each gets a bit
 * flip, a truncation, two bytes of invalid UTF-8 appended, or a wrong {@code application/json}
 * content type; sequence numbers, offsets and enqueued times stay.
 */
final class FuzzedEvents {
  private FuzzedEvents() {}

  /** {@code clean} with mutations drawn from {@code seed}. */
  static List<TelemetryEvent> mutate(List<TelemetryEvent> clean, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<TelemetryEvent> events = new ArrayList<>(clean.size());
    for (TelemetryEvent e : clean) {
      byte[] body = e.body().clone();
      int roll = r.nextInt(10);
      if (roll == 0 && body.length > 0) {
        body[r.nextInt(body.length)] ^= (byte) (1 << r.nextInt(8));
      } else if (roll == 1 && body.length > 1) {
        body = Arrays.copyOf(body, r.nextInt(body.length));
      } else if (roll == 2) {
        body = (new String(body, StandardCharsets.ISO_8859_1) + "\u00ff\u00fe").getBytes(StandardCharsets.ISO_8859_1);
      }
      events.add(new TelemetryEvent(body, e.sequenceNumber(), e.offset(), e.enqueuedTime(),
          roll == 3 ? "application/json" : e.contentType(), e.properties()));
    }
    return events;
  }
}
