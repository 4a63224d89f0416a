package com.pulse.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The app settings break one or more rules of the {@link Setting} table. The message lists every
 * problem, one per line, as {@code NAME='value': rule}, so it reads as the user interface without a
 * stack trace.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** One broken rule: the setting's name, the value as given (null when unset), and the rule. */
  public record Problem(String setting, String value, String rule) {
    /** {@code NAME='value': rule}, or {@code NAME (unset): rule}. */
    @Override
    public String toString() {
      return setting + (value == null ? " (unset)" : "='" + value + "'") + ": " + rule;
    }
  }

  private final transient List<Problem> problems;

  /**
   * @param problems at least one problem
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public InvalidConfigurationException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems is empty");
    }
    return problems.size() + " invalid app setting" + (problems.size() == 1 ? "" : "s")
        + " (see docs/CONFIGURATION.md):" + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
  }

  /** Every problem, in table order. */
  public List<Problem> problems() {
    return problems;
  }
}
