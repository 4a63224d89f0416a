package com.pulse.domain.catalog;

import java.util.Objects;

/**
 * A service-level objective on one value column of a metric: the point meets it when
 * {@code value op target} holds, e.g. {@code on_time_rate >= 0.9}. Immutable.
 *
 * @param op comparison the value must satisfy
 * @param target threshold, in the metric's unit
 * @param value value column the objective is about
 * @param severity Azure Monitor severity of a breach, 0 (critical) to 4 (verbose)
 */
public record Slo(Slo.Op op, double target, String value, int severity) {

  /** Comparison operators accepted in the catalog's {@code slo.op}. */
  public enum Op {
    /** {@code >=} */ GE(">="),
    /** {@code <=} */ LE("<="),
    /** {@code >} */ GT(">"),
    /** {@code <} */ LT("<");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The catalog symbol, e.g. {@code >=}. */
    public String symbol() {
      return symbol;
    }

    /** @throws IllegalArgumentException if {@code symbol} is not one of {@code >= <= > <} */
    public static Op parse(String symbol) {
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new IllegalArgumentException("slo.op must be one of >=, <=, >, <; got: " + symbol);
    }

    /** Whether {@code actual op target} holds. */
    public boolean holds(double actual, double target) {
      return switch (this) {
        case GE -> actual >= target;
        case LE -> actual <= target;
        case GT -> actual > target;
        case LT -> actual < target;
      };
    }
  }

  /**
   * @throws NullPointerException if {@code op} or {@code value} is null
   * @throws IllegalArgumentException if {@code severity} is outside 0..4 or {@code target} is not finite
   */
  public Slo {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(value, "value");
    if (severity < 0 || severity > 4) {
      throw new IllegalArgumentException("slo.severity must be 0..4: " + severity);
    }
    if (!Double.isFinite(target)) {
      throw new IllegalArgumentException("slo.target must be a finite number: " + target);
    }
  }

  /** Whether {@code actual} meets the objective. */
  public boolean isMet(double actual) {
    return op.holds(actual, target);
  }

  @Override
  public String toString() {
    return value + " " + op.symbol() + " " + target;
  }
}
