package com.pulse.domain.catalog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The SQL of a metric, one text per {@link SqlDialect}. Most metrics are written once in the portable
 * subset that DuckDB and the SQL Server family share ({@link #portable}); a metric that needs a
 * dialect's own function (a day difference, say) gives one text per dialect ({@link #perDialect}), and
 * the dialect check (`pulse catalog check`) and the cross-engine test hold them to the same results.
 * Immutable.
 *
 * @param texts the text for every dialect (all dialects present), iterated in {@link SqlDialect} order
 */
public record MetricSql(Map<SqlDialect, String> texts) {

  /**
   * @throws NullPointerException if {@code texts} or a text is null
   * @throws IllegalArgumentException if a dialect is missing
   */
  public MetricSql {
    EnumMap<SqlDialect, String> copy = new EnumMap<>(SqlDialect.class);
    copy.putAll(Objects.requireNonNull(texts, "texts"));
    for (SqlDialect d : SqlDialect.values()) {
      if (copy.get(d) == null) {
        throw new IllegalArgumentException("sql for dialect " + d.key() + " is missing");
      }
    }
    texts = Collections.unmodifiableMap(copy);
  }

  /** One text for every dialect. @throws NullPointerException if {@code text} is null */
  public static MetricSql portable(String text) {
    Objects.requireNonNull(text, "text");
    EnumMap<SqlDialect, String> all = new EnumMap<>(SqlDialect.class);
    for (SqlDialect d : SqlDialect.values()) {
      all.put(d, text);
    }
    return new MetricSql(all);
  }

  /**
   * One text per dialect.
   *
   * @throws NullPointerException if {@code texts} or a text is null
   * @throws IllegalArgumentException if a dialect is missing
   */
  public static MetricSql perDialect(Map<SqlDialect, String> texts) {
    return new MetricSql(texts);
  }

  /** The text to run on {@code dialect}. */
  public String text(SqlDialect dialect) {
    return texts.get(Objects.requireNonNull(dialect, "dialect"));
  }

  /** Whether every dialect runs the same text. */
  public boolean isPortable() {
    return texts.values().stream().distinct().count() == 1;
  }
}
