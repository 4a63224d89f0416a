package com.pulse.functions;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built on first {@link #get()} and then shared: the one memoizer of the wiring, so a client
 * (Cosmos DB, Event Hubs, Key Vault, the Entra credential) is built only when a function needs it.
 * Each value has its own lock, so building one (a network call) never blocks the others; a factory
 * that throws leaves the value unbuilt, and the next {@code get} tries again. Thread-safe.
 *
 * @param <T> the value's type
 */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<? extends T> factory;
  private volatile T value;

  private Lazy(Supplier<? extends T> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** A value {@code factory} builds on first use. @throws NullPointerException if {@code factory} is null */
  static <T> Lazy<T> of(Supplier<? extends T> factory) {
    return new Lazy<>(factory);
  }

  /**
   * The value, built on the first call.
   *
   * @throws NullPointerException if the factory returned null
   * @throws RuntimeException whatever the factory threw (the value stays unbuilt)
   */
  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = Objects.requireNonNull(factory.get(), "Lazy factory returned null");
          value = v;
        }
      }
    }
    return v;
  }
}
