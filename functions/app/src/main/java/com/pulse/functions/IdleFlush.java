package com.pulse.functions;

import com.pulse.app.telemetry.TelemetryBatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes what idle partitions hold: a daemon thread ({@code pulse-idle-flush-<function>}) that calls
 * a holding use case's {@code flushIdle} ({@link com.pulse.app.telemetry.DeferredAggregation#flushIdle},
 * {@link com.pulse.app.telemetry.DeferredLogAggregation#flushIdle},
 * {@link com.pulse.app.telemetry.DeferredMetricAggregation#flushIdle}) every {@code period}, so that a
 * partition whose events stop arriving (no more invocations) is written within about twice
 * {@code TELEMETRY_HOLD_MAX_AGE} while the process lives. Each write is reported to the observer as a
 * batch of no events of its partition. A failure is logged: the partition's held events are
 * forgotten, and its next invocation re-reads them from the hub.
 *
 * <p>Outside an invocation there is no invocation context: log records go to
 * {@code java.util.logging} (the worker's own log) with a plain message.
 *
 * @param <R> the use case's result per write
 */
final class IdleFlush<R> implements Runnable {
  private static final Logger LOG = Logger.getLogger(IdleFlush.class.getName());

  private final String function;
  private final Supplier<Map<String, R>> flushIdle;
  private final BiConsumer<TelemetryBatch, R> observer;

  /**
   * @param function the function's name, for the log line
   * @param flushIdle the use case's {@code flushIdle}
   * @param observer told about every write (custom metrics)
   * @throws NullPointerException if an argument is null
   */
  IdleFlush(String function, Supplier<Map<String, R>> flushIdle, BiConsumer<TelemetryBatch, R> observer) {
    this.function = Objects.requireNonNull(function, "function");
    this.flushIdle = Objects.requireNonNull(flushIdle, "flushIdle");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /**
   * Starts the thread.
   *
   * @param period how often to look, at least 1 s
   * @return the scheduler (daemon; stopped with the process, or by {@code shutdownNow} in tests)
   * @throws NullPointerException if an argument is null
   */
  ScheduledExecutorService start(Duration period) {
    long millis = Math.max(1_000, period.toMillis());
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "pulse-idle-flush-" + function);
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(this, millis, millis, TimeUnit.MILLISECONDS);
    return scheduler;
  }

  @Override
  public void run() {
    try {
      for (Map.Entry<String, R> written : flushIdle.get().entrySet()) {
        observer.accept(new TelemetryBatch(written.getKey(), List.of()), written.getValue());
        LOG.info(function + " idle partition=" + written.getKey() + " written");
      }
    } catch (RuntimeException failed) {
      // a scheduled task that throws is never run again: log, and look again next period
      LOG.log(Level.WARNING, function + " idle write failed; the partition's next invocation re-reads "
          + "its held events from the hub: " + failed.getMessage());
    }
  }
}
