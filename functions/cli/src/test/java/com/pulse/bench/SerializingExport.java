package com.pulse.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.app.port.MetricExport;
import com.pulse.domain.export.MetricPointRecord;
import com.pulse.domain.export.TelemetryWindowRecord;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A {@link MetricExport} that builds every row's event body as the Event Hubs export does and drops
 * it, counting bytes: the export's CPU cost without a network. Not thread-safe.
 */
final class SerializingExport implements MetricExport {
  private final ObjectMapper json = new ObjectMapper();
  long bytes;

  @Override
  public void exportPoints(List<MetricPointRecord> records) {
    records.forEach(this::write);
  }

  @Override
  public void exportWindows(List<TelemetryWindowRecord> records) {
    records.forEach(this::write);
  }

  private void write(Object record) {
    try {
      bytes += json.writeValueAsBytes(record).length;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
