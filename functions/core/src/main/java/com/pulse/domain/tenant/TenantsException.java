package com.pulse.domain.tenant;

import java.util.List;

/**
 * A tenants file is invalid. Carries every problem found, each {@code file:line: problem}, so one
 * run shows them all; the message lists them one per line.
 *
 * <p>A dedicated type because callers (the CLI, the composition root) print the list as data.
 */
public final class TenantsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  /** @param problems every problem, {@code file:line: problem}, at least one */
  public TenantsException(List<String> problems) {
    super(problems.size() + " problem(s) in the tenants file:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, {@code file:line: problem}, in file order. */
  public List<String> problems() {
    return problems;
  }
}
