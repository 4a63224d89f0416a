package com.pulse.domain.query;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.LatencySketches;
import java.time.Instant;
import java.util.Arrays;
import org.apache.datasketches.hll.HllSketch;

/** Window documents with real sketches, as the aggregation writes them. */
public final class TestWindows {
  private TestWindows() {}

  /** Builds a document of one partition from raw latencies and user ids, with real sketches. */
  public static WindowDocument doc(String partition, String operation, Instant start, double[] latenciesMs, int[] users,
      long errors) {
    DDSketch sketch = LatencySketches.newSketch();
    Arrays.stream(latenciesMs).forEach(sketch::accept);
    byte[] latency = LatencySketches.serialize(sketch);
    byte[] userBytes = new byte[0];
    if (users.length > 0) {
      HllSketch hll = new HllSketch(12);
      Arrays.stream(users).forEach(u -> hll.update("user-" + u));
      userBytes = hll.toCompactByteArray();
    }
    return new WindowDocument("w-" + partition + operation + start, "t1", "checkout", operation, null, "PT1M", start,
        start.plusSeconds(60), partition, latenciesMs.length, errors, 1, Arrays.stream(latenciesMs).sum(), latency,
        userBytes, 42, 3, start.plusSeconds(65));
  }

}
