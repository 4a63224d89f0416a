package com.pulse.domain.telemetry.metric;

import java.util.List;
import java.util.Objects;

/**
 * One written version of a metric window document with the statistics of each series (same order as
 * {@code document.series()}): what the history export receives (ADX {@code MetricWindows}, one row
 * per series).
 *
 * @param document the document as written (or as stored, for a redelivered batch)
 * @param stats per series, aligned with {@code document.series()}
 */
public record MetricWindowVersion(MetricWindowDocument document, List<SeriesStats> stats) {
  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code stats} and the series differ in length
   */
  public MetricWindowVersion {
    Objects.requireNonNull(document, "document");
    stats = List.copyOf(stats);
    if (stats.size() != document.series().size()) {
      throw new IllegalArgumentException(stats.size() + " stats for " + document.series().size() + " series");
    }
  }

  /** This version's statistics with {@code written} as its document. */
  public MetricWindowVersion withDocument(MetricWindowDocument written) {
    return new MetricWindowVersion(written, stats);
  }
}
