package com.pulse.adapter.local;

import com.pulse.app.port.SecretSource;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Local {@link SecretSource}: secret {@code warehouse-jdbc-url} is read from the environment
 * variable {@code PULSE_SECRET_WAREHOUSE_JDBC_URL} (prefix, upper case, {@code -} and {@code .} as
 * {@code _}). Immutable and thread-safe.
 */
public final class EnvironmentSecretSource implements SecretSource {
  /** Prefix of the environment variables that hold local secrets. */
  public static final String PREFIX = "PULSE_SECRET_";

  private final Map<String, String> environment;

  /**
   * @param environment variables to read, normally {@code System.getenv()} passed by the composition root
   * @throws NullPointerException if {@code environment} is null
   */
  public EnvironmentSecretSource(Map<String, String> environment) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
  }

  /** The environment variable that holds secret {@code name}. */
  public static String variableOf(String name) {
    return PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  @Override
  public String secret(String name) {
    String variable = variableOf(Objects.requireNonNull(name, "name"));
    String value = environment.get(variable);
    if (value == null) {
      throw new NoSuchElementException("secret '" + name + "' not set (environment variable " + variable + ")");
    }
    return value;
  }
}
