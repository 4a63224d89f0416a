package com.pulse.domain.catalog;

import java.util.Objects;

/**
 * One problem of a catalog file, located at a line so editors and CI logs link to it. Immutable.
 *
 * @param file catalog file name or resource path
 * @param line 1-based line of the offending key, 0 when unknown
 * @param problem what is wrong, without the location
 */
public record CatalogProblem(String file, int line, String problem) {
  /** @throws NullPointerException if {@code file} or {@code problem} is null */
  public CatalogProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(problem, "problem");
  }

  /** {@code file:line: problem}. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + problem;
  }
}
