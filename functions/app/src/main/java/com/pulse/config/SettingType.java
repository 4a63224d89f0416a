package com.pulse.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The type of an app setting: the rule its value must follow, written once, and the parser that
 * turns the trimmed text into a typed value. Each parser throws {@link IllegalArgumentException}
 * whose message is the rule, so {@link PulseConfig#parse} can report it next to the setting's name
 * and value. Stateless.
 */
public enum SettingType {
  /** Any non-blank text. */
  TEXT("text") {
    @Override
    Object parse(String text) {
      return text;
    }
  },
  /** An absolute {@code https://} URL, e.g. {@code https://kv-pulse.vault.azure.net/}. */
  HTTPS_URL("an https:// URL") {
    @Override
    Object parse(String text) {
      try {
        URI uri = new URI(text);
        if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
          return text;
        }
      } catch (java.net.URISyntaxException e) {
        // reported below with the rule
      }
      throw new IllegalArgumentException(rule());
    }
  },
  /** A host name, e.g. {@code evhns-pulse.servicebus.windows.net}. */
  HOST_NAME("a host name such as evhns-pulse.servicebus.windows.net (no scheme, no path)") {
    @Override
    Object parse(String text) {
      if (!text.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
        throw new IllegalArgumentException(rule());
      }
      return text;
    }
  },
  /** {@code true} or {@code false}, any case. */
  BOOLEAN("true or false") {
    @Override
    Object parse(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException(rule());
      };
    }
  },
  /** A whole number from 1 to 1,000. */
  COUNT("a whole number from 1 to 1000") {
    @Override
    Object parse(String text) {
      return wholeNumber(text, 1, 1000, rule());
    }
  },
  /** A whole number of events from 256 (one full batch, {@code host.json}) to 1,000,000. */
  EVENT_COUNT("a whole number from 256 to 1000000") {
    @Override
    Object parse(String text) {
      return wholeNumber(text, 256, 1_000_000, rule());
    }
  },
  /** A whole number of series from 256 to 10,000,000. */
  SERIES_COUNT("a whole number from 256 to 10000000") {
    @Override
    Object parse(String text) {
      return wholeNumber(text, 256, 10_000_000, rule());
    }
  },
  /** An ISO-8601 duration greater than zero, e.g. {@code PT15M} or {@code P1D}. */
  POSITIVE_DURATION("an ISO-8601 duration > 0 such as PT15M or P1D") {
    @Override
    Object parse(String text) {
      Duration d = duration(text, rule());
      if (d.isZero()) {
        throw new IllegalArgumentException(rule());
      }
      return d;
    }
  },
  /** An ISO-8601 duration of zero or more, e.g. {@code PT0S} or {@code PT5M}. */
  DURATION("an ISO-8601 duration >= 0 such as PT5M") {
    @Override
    Object parse(String text) {
      return duration(text, rule());
    }
  },
  /** A six-field NCRONTAB expression (read by the Functions host), e.g. {@code 0 5 * * * *}. */
  NCRONTAB("a six-field NCRONTAB expression such as 0 5 * * * * (second minute hour day month weekday)") {
    @Override
    Object parse(String text) {
      if (text.split("\\s+").length != 6) {
        throw new IllegalArgumentException(rule());
      }
      return text;
    }
  },
  /** A JDBC URL of the warehouse: {@code jdbc:sqlserver:} (Azure) or {@code jdbc:duckdb:} (the CLI). */
  JDBC_URL("a JDBC URL starting with jdbc:sqlserver: (or jdbc:duckdb: in the local CLI)") {
    @Override
    Object parse(String text) {
      if (!text.startsWith("jdbc:sqlserver:") && !text.startsWith("jdbc:duckdb:")) {
        throw new IllegalArgumentException(rule());
      }
      return text;
    }
  },
  /** {@code direct} or {@code gateway}, any case. */
  COSMOS_CONNECTION_MODE("direct or gateway") {
    @Override
    Object parse(String text) {
      String mode = text.toLowerCase(Locale.ROOT);
      if (!mode.equals("direct") && !mode.equals("gateway")) {
        throw new IllegalArgumentException(rule());
      }
      return mode;
    }
  },
  /** One e-mail address, e.g. {@code DoNotReply@contoso.com}. */
  EMAIL("an e-mail address") {
    @Override
    Object parse(String text) {
      if (!isEmail(text)) {
        throw new IllegalArgumentException(rule());
      }
      return text;
    }
  },
  /** Comma-separated e-mail addresses; empty entries are ignored. */
  EMAIL_LIST("comma-separated e-mail addresses") {
    @Override
    Object parse(String text) {
      List<String> addresses = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      if (!addresses.stream().allMatch(SettingType::isEmail)) {
        throw new IllegalArgumentException(rule());
      }
      return addresses;
    }
  },
  /** Attribute names kept as metric dimensions ({@code MetricDimensions}); {@code none} for none. */
  ATTRIBUTE_LIST("comma-separated attribute names (at most 16, distinct), or none") {
    @Override
    Object parse(String text) {
      try {
        return text.equalsIgnoreCase("none") ? List.of()
            : com.pulse.domain.telemetry.metric.MetricDimensions.parse(text).names();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(rule(), e);
      }
    }
  };

  private final String rule;

  SettingType(String rule) {
    this.rule = rule;
  }

  /** The rule a value must follow, as shown in error messages and the settings reference. */
  public String rule() {
    return rule;
  }

  /**
   * The typed value of {@code text}.
   *
   * @param text the trimmed, non-blank value
   * @throws IllegalArgumentException with {@link #rule()} as the message if the text breaks the rule
   */
  abstract Object parse(String text);

  /** The one whole-number parser of the configuration: an int in {@code [min, max]}. */
  private static int wholeNumber(String text, int min, int max, String rule) {
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the rule
    }
    throw new IllegalArgumentException(rule);
  }

  /** The one duration parser of the configuration: ISO-8601, never negative. */
  private static Duration duration(String text, String rule) {
    try {
      Duration d = Duration.parse(text);
      if (d.isNegative()) {
        throw new IllegalArgumentException(rule);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(rule, e);
    }
  }

  private static boolean isEmail(String text) {
    return text.matches("[^@\\s,]+@[^@\\s,]+");
  }
}
