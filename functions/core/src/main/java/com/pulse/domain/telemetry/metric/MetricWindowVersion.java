package com.pulse.domain.telemetry.metric;

import java.util.List;
import java.util.Objects;

/**
 * One written version of a metric window document with the statistics of the series it changed:
 * what the history export receives (ADX {@code MetricWindows}, one row per changed series; a series
 * this version did not change keeps its row of an earlier version, which {@code arg_max(Version)} per
 * series {@code Id} still finds, with the same values).
 *
 * @param document the document as written (or as stored, for a redelivered batch)
 * @param changed indices into {@code document.series()} of the series this version changed, ascending
 *     (every series for a re-export of a stored document, {@link MetricWindows#versionOf})
 * @param stats per changed series, aligned with {@code changed}
 */
public record MetricWindowVersion(MetricWindowDocument document, int[] changed, List<SeriesStats> stats) {
  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code stats} and {@code changed} differ in length, or an index
   *     is not ascending within the series
   */
  public MetricWindowVersion {
    Objects.requireNonNull(document, "document");
    changed = changed.clone();
    stats = List.copyOf(stats);
    if (stats.size() != changed.length) {
      throw new IllegalArgumentException(stats.size() + " stats for " + changed.length + " changed series");
    }
    for (int k = 0; k < changed.length; k++) {
      if (changed[k] < (k == 0 ? 0 : changed[k - 1] + 1) || changed[k] >= document.series().size()) {
        throw new IllegalArgumentException("changed series index " + changed[k] + " at " + k + " of "
            + document.series().size() + " series");
      }
    }
  }

  /**
   * Every series of {@code document} as changed.
   *
   * @param stats per series, aligned with {@code document.series()}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code stats} and the series differ in length
   */
  public MetricWindowVersion(MetricWindowDocument document, List<SeriesStats> stats) {
    this(document, java.util.stream.IntStream.range(0, document.series().size()).toArray(), stats);
  }

  /** The changed series' indices (a copy). */
  @Override
  public int[] changed() {
    return changed.clone();
  }

  /** Number of changed series: the export rows of this version. */
  public int rows() {
    return changed.length;
  }

  /** The {@code k}-th changed series. */
  public MetricSeries series(int k) {
    return document.series().get(changed[k]);
  }

  /** This version's changes with {@code written} as its document. */
  public MetricWindowVersion withDocument(MetricWindowDocument written) {
    return new MetricWindowVersion(written, changed, stats);
  }
}
