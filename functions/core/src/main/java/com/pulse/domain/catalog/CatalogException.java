package com.pulse.domain.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A catalog file is invalid: unknown key, duplicate name, bad period or cron, SQL without
 * {@code tenant_id}, malformed YAML... It carries every problem the loader found, each
 * {@code file:line: problem}; the message is those lines, so editors and CI logs link to each.
 *
 * <p>A dedicated type because callers (the CLI, the composition root) need the problems as data.
 */
public final class CatalogException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<CatalogProblem> problems;

  /**
   * One problem.
   *
   * @param file catalog file name or resource path
   * @param line 1-based line number, or 0 when unknown
   * @param problem what is wrong, without the location
   */
  public CatalogException(String file, int line, String problem) {
    this(List.of(new CatalogProblem(file, line, problem)));
  }

  /**
   * @param problems every problem found, in file order; not empty
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public CatalogException(List<CatalogProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<CatalogProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a CatalogException needs at least one problem");
    }
    return problems.stream().map(CatalogProblem::toString).collect(Collectors.joining("\n"));
  }

  /** Every problem found, in file order; never empty. */
  public List<CatalogProblem> problems() {
    return problems;
  }

  /** The catalog file name or resource path (of the first problem). */
  public String file() {
    return problems.get(0).file();
  }

  /** The 1-based line of the first problem, 0 when unknown. */
  public int line() {
    return problems.get(0).line();
  }
}
