package com.pulse.app.port;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Named secrets the app needs at run time (e.g. warehouse connection settings), from Key Vault in
 * Azure and from the environment locally. Values are cached by implementations and re-read after a
 * refresh interval, so a rotated secret is picked up without a restart.
 *
 * <p>Implementations are thread-safe. Never log a returned value.
 */
public interface SecretSource {

  /**
   * The current value of a secret.
   *
   * @param name secret name, e.g. {@code warehouse-jdbc-url}
   * @return the value, never null
   * @throws NoSuchElementException if no secret of that name exists (message names it)
   * @throws DependencyException if the source is unreachable and no cached value exists
   * @throws NullPointerException if {@code name} is null
   */
  String secret(String name);

  /**
   * Loads every named secret once, at start-up, so a missing one fails the start instead of the
   * first run that needs it.
   *
   * @param names secrets the configuration refers to
   * @throws IllegalStateException if any is missing; the message lists every missing name
   * @throws DependencyException if the source is unreachable
   */
  default void require(Collection<String> names) {
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      try {
        secret(name);
      } catch (NoSuchElementException e) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("missing secrets: " + String.join(", ", missing));
    }
  }
}
