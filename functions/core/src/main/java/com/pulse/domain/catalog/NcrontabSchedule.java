package com.pulse.domain.catalog;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * An Azure Functions NCRONTAB expression with six fields,
 * {@code {second} {minute} {hour} {day} {month} {day-of-week}}, evaluated in UTC
 * (https://learn.microsoft.com/azure/azure-functions/functions-bindings-timer#ncrontab-expressions).
 * Parsed with cron-utils' six-field Spring definition, which has the same fields, ranges, lists,
 * steps and names. Immutable and thread-safe.
 */
public final class NcrontabSchedule {
  private static final CronDefinition SIX_FIELDS = CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING);
  private static final CronParser PARSER = new CronParser(SIX_FIELDS);

  private static final int FIRST_YEAR = 2024;

  private final String expression;
  private final ExecutionTime executionTime;

  private NcrontabSchedule(String expression, Cron cron) {
    this.expression = expression;
    this.executionTime = ExecutionTime.forCron(cron);
  }

  /**
   * Parses and validates an expression.
   *
   * @throws NullPointerException if {@code expression} is null
   * @throws IllegalArgumentException if it does not have six valid fields
   */
  public static NcrontabSchedule parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    String trimmed = expression.trim();
    if (trimmed.split("\\s+").length != 6) {
      throw new IllegalArgumentException("schedule must be an NCRONTAB expression with 6 fields "
          + "(second minute hour day month day-of-week), got: '" + expression + "'");
    }
    try {
      Cron cron = PARSER.parse(trimmed);
      cron.validate();
      return new NcrontabSchedule(trimmed, cron);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid NCRONTAB schedule '" + expression + "': " + e.getMessage(), e);
    }
  }

  /**
   * Whether the schedule fires at least once in {@code (after, until]}; with {@code after == null},
   * whether it ever fired at or before {@code until}.
   *
   * @throws NullPointerException if {@code until} is null
   */
  public boolean firesBetween(Instant after, Instant until) {
    Objects.requireNonNull(until, "until");
    ZonedDateTime probe = until.plusSeconds(1).atZone(ZoneOffset.UTC);
    Optional<ZonedDateTime> last = executionTime.lastExecution(probe);
    return last.isPresent() && (after == null || last.get().toInstant().isAfter(after));
  }

  /**
   * Whether the schedule fires in every calendar year from 2024 to 2031 (UTC): a leap cycle, with two
   * leap years, so a schedule only on 29 February fails, as does one on a day that never exists, such
   * as 30 February. Deterministic; eight next-execution look-ups.
   */
  public boolean firesEveryYear() {
    for (int year = FIRST_YEAR; year < FIRST_YEAR + 8; year++) {
      ZonedDateTime newYear = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
      Optional<ZonedDateTime> next = executionTime.nextExecution(newYear.minusSeconds(1));
      if (next.isEmpty() || !next.get().isBefore(newYear.plusYears(1))) {
        return false;
      }
    }
    return true;
  }

  /** The expression text. */
  public String expression() {
    return expression;
  }

  @Override
  public String toString() {
    return expression;
  }
}
