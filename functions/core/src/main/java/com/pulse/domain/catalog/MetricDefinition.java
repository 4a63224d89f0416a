package com.pulse.domain.catalog;

import com.pulse.domain.window.WindowPeriod;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One validated catalog entry: a customer KPI computed by one SQL query per window for all tenants.
 * Instances come from {@link CatalogLoader}, which reports errors with file and line. Immutable.
 *
 * <p>The SQL ({@link MetricSql}, one text per {@link SqlDialect}) takes the named parameters {@code :window_start} and {@code :window_end} (half-open
 * {@code [start, end)}, UTC, bound as JDBC timestamps) and returns one row per tenant and dimension
 * combination: a {@code tenant_id} column, the {@link #dimensions()} columns and the value columns.
 *
 * @param name unique id, {@link #NAME}: at most {@value #MAX_NAME_LENGTH} characters, like every id the API accepts
 * @param title short human title
 * @param description what the number means for a customer engineer
 * @param unit unit of the values: {@code ratio}, {@code count}, {@code days}, {@code currency}, ...
 * @param window calendar-aligned UTC window length
 * @param schedule NCRONTAB expression with six fields ({@code sec min hour day month day-of-week})
 * @param settle time to wait after a window closes before computing it (late data); zero if none
 * @param sql the query text per dialect
 * @param dimensions dimension column names (lower case), possibly empty
 * @param values value column names (lower case); empty means every numeric column that is not
 *     {@code tenant_id} or a dimension
 * @param slo objective on one value column, or {@code null} if none (see {@link #sloOptional()})
 * @param owners emails of the customer engineers who own the KPI, possibly empty
 * @param source where the entry was defined, {@code file:line}, for messages
 */
public record MetricDefinition(
    String name,
    String title,
    String description,
    String unit,
    WindowPeriod window,
    String schedule,
    Duration settle,
    MetricSql sql,
    List<String> dimensions,
    List<String> values,
    Slo slo,
    List<String> owners,
    String source) {

  /** Longest metric name: the API's id rule (tenant ids too are 1 to 128 characters). */
  public static final int MAX_NAME_LENGTH = 128;

  /** The metric name syntax: a lower-case letter, then up to 127 lower-case letters, digits or {@code _}. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0," + (MAX_NAME_LENGTH - 1) + "}");

  /**
   * Validates and copies the lists.
   *
   * @throws NullPointerException if any argument except {@code slo} is null
   * @throws IllegalArgumentException if {@code name} does not match {@link #NAME} or {@code settle} is negative
   */
  public MetricDefinition {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must match " + NAME + ": " + name);
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(settle, "settle");
    if (settle.isNegative()) {
      throw new IllegalArgumentException("settle must not be negative: " + settle);
    }
    Objects.requireNonNull(sql, "sql");
    dimensions = List.copyOf(dimensions);
    values = List.copyOf(values);
    owners = List.copyOf(owners);
    Objects.requireNonNull(source, "source");
  }

  /** The SLO, if the metric has one. */
  public Optional<Slo> sloOptional() {
    return Optional.ofNullable(slo);
  }
}
