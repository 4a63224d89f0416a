package com.pulse.app;

import java.time.Duration;

/** Pauses the calling thread; injected so tests do not wait. Implementations are thread-safe. */
@FunctionalInterface
public interface Sleeper {
  /** The real sleeper, {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  /** Sleeps {@code duration}. @throws InterruptedException if interrupted */
  void sleep(Duration duration) throws InterruptedException;
}
