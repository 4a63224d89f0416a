package com.pulse.cli;

import com.pulse.adapter.jdbc.DuckDbConnectionSource;
import com.pulse.config.PulseConfig;
import com.pulse.config.Setting;
import com.pulse.functions.CompositionRoot;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** Helpers shared by the subcommands: settings from the environment plus flags, time parsing. */
final class CliSupport {
  private CliSupport() {}

  /**
   * The environment with {@code overrides} on top (null values ignored).
   *
   * @param overrides setting name ({@link Setting#key()}) to flag value
   */
  static Map<String, String> settings(Map<String, String> overrides) {
    Map<String, String> s = new HashMap<>(CompositionRoot.environment());
    overrides.forEach((k, v) -> {
      if (v != null) {
        s.put(k, v);
      }
    });
    return s;
  }

  /**
   * The configuration of the environment with {@code overrides} on top.
   *
   * @param overrides setting name ({@link Setting#key()}) to flag value; null values ignored
   * @throws com.pulse.config.InvalidConfigurationException listing every invalid setting
   */
  static PulseConfig config(Map<String, String> overrides) {
    return PulseConfig.parse(settings(overrides));
  }

  /**
   * A composition root over {@link #config(Map)}, system UTC clock, the embedded DuckDB warehouse.
   *
   * @param overrides setting name ({@link Setting#key()}) to flag value; null values ignored
   * @throws com.pulse.config.InvalidConfigurationException listing every invalid setting
   */
  static CompositionRoot root(Map<String, String> overrides) {
    return CompositionRoot.create(config(overrides), Clock.systemUTC(), DuckDbConnectionSource::openWarehouse);
  }

  /**
   * Parses an ISO date ({@code 1998-07-01}, start of that day UTC) or instant ({@code 1998-07-01T06:00:00Z}).
   *
   * @throws IllegalArgumentException naming the text if it is neither
   */
  static Instant instant(String text) {
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notADate) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("expected an ISO date (1998-07-01) or instant (1998-07-01T00:00:00Z): " + text, e);
      }
    }
  }
}
