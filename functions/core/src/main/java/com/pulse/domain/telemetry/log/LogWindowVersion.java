package com.pulse.domain.telemetry.log;

import java.util.Objects;

/**
 * One written version of a log window document and the series it changed: what the history export
 * receives (ADX {@code LogWindows}, one row per changed series; a series this version did not change
 * keeps its row of an earlier version, which {@code arg_max(Version)} per {@code Id, Service,
 * Severity} still finds, with the same values).
 *
 * @param document the document as written (or as stored, for a redelivered batch)
 * @param changed indices into {@code document.series()} of the series this version changed, ascending
 *     (every series for a re-export of a stored document, {@link #of})
 */
public record LogWindowVersion(LogWindowDocument document, int[] changed) {
  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an index is not ascending within the series
   */
  public LogWindowVersion {
    Objects.requireNonNull(document, "document");
    changed = changed.clone();
    for (int k = 0; k < changed.length; k++) {
      if (changed[k] < (k == 0 ? 0 : changed[k - 1] + 1) || changed[k] >= document.series().size()) {
        throw new IllegalArgumentException("changed series index " + changed[k] + " at " + k + " of "
            + document.series().size() + " series");
      }
    }
  }

  /** {@code document} with every series as changed: a re-export of a stored document. */
  public static LogWindowVersion of(LogWindowDocument document) {
    return new LogWindowVersion(document, java.util.stream.IntStream.range(0, document.series().size()).toArray());
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
  public LogSeries series(int k) {
    return document.series().get(changed[k]);
  }

  /** This version's changes with {@code written} as its document (the same series, as the store returned it). */
  public LogWindowVersion withDocument(LogWindowDocument written) {
    return new LogWindowVersion(written, changed);
  }
}
