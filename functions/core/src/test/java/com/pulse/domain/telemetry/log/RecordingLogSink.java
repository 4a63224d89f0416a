package com.pulse.domain.telemetry.log;

import java.util.ArrayList;
import java.util.List;

/** A {@link LogSink} that keeps every record (tests). */
public final class RecordingLogSink implements LogSink {
  /** One recorded call. */
  public record Entry(String tenantId, String service, int severityNumber, long timeEpochMillis, String message) {}

  public final List<Entry> records = new ArrayList<>();

  @Override
  public void logRecord(String tenantId, String service, int severityNumber, long timeEpochMillis, String message) {
    records.add(new Entry(tenantId, service, severityNumber, timeEpochMillis, message));
  }
}
