package com.pulse.functions;

import com.pulse.app.telemetry.BatchObserver;
import com.pulse.app.telemetry.BatchResult;
import com.pulse.app.telemetry.DeferredAggregation;
import com.pulse.app.telemetry.TelemetryBatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes what idle partitions hold: a daemon thread ({@code pulse-idle-flush}) that calls
 * {@link DeferredAggregation#flushIdle} every {@code period}, so that a partition whose events stop
 * arriving (no more invocations) is written within about twice {@code TELEMETRY_HOLD_MAX_AGE} while
 * the process lives. Each write is reported to the {@link BatchObserver} as a batch of no events of
 * its partition. A failure is logged and counted like any failed write: the partition's held events
 * are forgotten, and its next invocation re-reads them from the hub.
 *
 * <p>Outside an invocation there is no invocation context: log records go to
 * {@code java.util.logging} (the worker's own log) with a plain message.
 */
final class IdleFlush implements Runnable {
  private static final Logger LOG = Logger.getLogger(IdleFlush.class.getName());

  private final DeferredAggregation useCase;
  private final BatchObserver observer;

  IdleFlush(DeferredAggregation useCase, BatchObserver observer) {
    this.useCase = useCase;
    this.observer = observer;
  }

  /**
   * Starts the thread.
   *
   * @param period how often to look, at least 1 s
   * @return the scheduler (daemon; stopped with the process, or by {@code shutdownNow} in tests)
   * @throws NullPointerException if an argument is null
   */
  static ScheduledExecutorService start(DeferredAggregation useCase, BatchObserver observer, Duration period) {
    Objects.requireNonNull(useCase, "useCase");
    Objects.requireNonNull(observer, "observer");
    long millis = Math.max(1_000, period.toMillis());
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "pulse-idle-flush");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(new IdleFlush(useCase, observer), millis, millis, TimeUnit.MILLISECONDS);
    return scheduler;
  }

  @Override
  public void run() {
    try {
      for (Map.Entry<String, BatchResult> written : useCase.flushIdle().entrySet()) {
        observer.observed(new TelemetryBatch(written.getKey(), List.of()), written.getValue());
        LOG.info("TelemetryAggregation idle partition=" + written.getKey() + " events=" + written.getValue().events()
            + " written=" + written.getValue().documentsWritten());
      }
    } catch (RuntimeException failed) {
      // a scheduled task that throws is never run again: log, and look again next period
      LOG.log(Level.WARNING, "TelemetryAggregation idle write failed; the partition's next invocation re-reads "
          + "its held events from the hub: " + failed.getMessage());
    }
  }
}
