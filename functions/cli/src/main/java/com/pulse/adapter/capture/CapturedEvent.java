package com.pulse.adapter.capture;

import com.pulse.app.telemetry.TelemetryEvent;
import java.util.Objects;

/**
 * One recorded event with the partition it was captured from.
 *
 * @param partition source partition id (from the Capture path, the record or a flag)
 * @param event the event
 */
public record CapturedEvent(String partition, TelemetryEvent event) {
  /** @throws NullPointerException if an argument is null */
  public CapturedEvent {
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(event, "event");
  }
}
