package com.pulse.app.observability;

import java.util.Locale;

/**
 * What happened to one telemetry event; the value of attribute {@code outcome} on
 * {@code pulse.telemetry.events}.
 */
public enum EventOutcome {
  /** Folded into its window document. */
  AGGREGATED,
  /** Skipped: its sequence number was already folded into the window document (redelivery). */
  DUPLICATE,
  /** Behind the partition's watermark (counted as late; still aggregated if its window is open). */
  LATE,
  /** Malformed or unattributable: written to the dead-letter store. */
  DEADLETTERED;

  /** Attribute value: the lower-case name, e.g. {@code "deadlettered"}. */
  public String attributeValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
