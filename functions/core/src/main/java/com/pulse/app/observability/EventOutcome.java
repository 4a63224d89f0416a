package com.pulse.app.observability;

import java.util.Locale;

/**
 * What happened to one telemetry event (or, for the per-request outcomes, one decoded request); the
 * value of attribute {@code outcome} on {@code pulse.telemetry.events}: the lower-case name
 * ({@code aggregated}, {@code duplicate}, {@code late}, {@code deadlettered}, {@code expired},
 * {@code out_of_range}, {@code internal}, {@code held}, {@code recovered}, {@code unrecoverable}; for OTLP metric data points also {@code metric_baseline},
 * {@code metric_stale}, {@code metric_stream_limit}, {@code metric_overflow}, {@code metric_series_limit}).
 */
public enum EventOutcome {
  /** Folded into its window document. */
  AGGREGATED,
  /** Skipped: its sequence number was already folded into the window document (redelivery). */
  DUPLICATE,
  /** Behind the partition's watermark (counted as late; still aggregated if its window is open). */
  LATE,
  /** Malformed or unattributable: written to the dead-letter store. */
  DEADLETTERED,
  /** A request whose window document had already expired (older than the retention behind the watermark). */
  EXPIRED,
  /** A request with a value outside {@link com.pulse.domain.telemetry.IngestRules} (duration, timestamp). */
  OUT_OF_RANGE,
  /** A span of kind INTERNAL or UNSPECIFIED: counted, not aggregated. */
  INTERNAL,
  /**
   * Held in memory for a later write ({@link com.pulse.app.telemetry.DeferredAggregation}): not a final
   * outcome; the same event is counted again as {@link #AGGREGATED} or {@link #DEADLETTERED} when written.
   */
  HELD,
  /** Re-read from the hub by an owner that started behind the checkpoint (also counted when written). */
  RECOVERED,
  /** Needed by a recovery but no longer retained by the hub: lost. Alert on any. */
  UNRECOVERABLE,
  /** An OTLP cumulative point that only set its stream's baseline (the stream started long before). */
  METRIC_BASELINE,
  /** An OTLP point with no recorded value, or not newer than its stream's last point (a resend). */
  METRIC_STALE,
  /** An OTLP cumulative point of a new stream beyond the per-tenant-partition stream limit. */
  METRIC_STREAM_LIMIT,
  /** An OTLP point folded into its metric's overflow series (document series limit). */
  METRIC_OVERFLOW,
  /** An OTLP point dropped because its document had no overflow series left. */
  METRIC_SERIES_LIMIT;

  /** Attribute value: the lower-case name, e.g. {@code "deadlettered"}. */
  public String attributeValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
