package com.pulse.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A {@code java.util.logging} handler that keeps every record it is given, for tests that assert
 * what was logged. Add it to a logger, read {@link #records()}, remove it again. Thread-safe.
 */
public final class RecordingLogHandler extends Handler {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  /** The records published so far, oldest first (a live, thread-safe view). */
  public List<LogRecord> records() {
    return records;
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
