package com.pulse.domain.slo;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.LatencySketches;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded minute-window streams with a known outage, as the aggregation writes them (real sketches). */
public final class SloStreams {
  private SloStreams() {}

  /**
   * One document per minute of {@code [from, to)} for tenant {@code tenant}, service {@code checkout},
   * {@code requests} requests a minute, {@code baselineErrors} of them failing outside the outage
   * and {@code outageErrors} inside {@code [outageFrom, outageTo)}. Latencies are log-normal around
   * 50 ms (seeded), so a latency SLO can be read from the sketches too.
   */
  public static List<WindowDocument> minutes(String tenant, Instant from, Instant to, int requests, double baselineErrors,
      Instant outageFrom, Instant outageTo, double outageErrors, long seed) {
    Random random = new Random(seed);
    List<WindowDocument> docs = new ArrayList<>();
    for (Instant m = from; m.isBefore(to); m = m.plus(Duration.ofMinutes(1))) {
      boolean outage = !m.isBefore(outageFrom) && m.isBefore(outageTo);
      long errors = Math.round(requests * (outage ? outageErrors : baselineErrors));
      DDSketch sketch = LatencySketches.newSketch();
      double sum = 0;
      for (int i = 0; i < requests; i++) {
        double ms = Math.exp(Math.log(50) + 0.5 * random.nextGaussian()) * (outage ? 10 : 1);
        sketch.accept(ms);
        sum += ms;
      }
      docs.add(new WindowDocument("w-" + tenant + m, tenant, "checkout", "POST /orders", null, "PT1M", m, m.plusSeconds(60),
          "0", requests, errors, 0, sum, LatencySketches.serialize(sketch), new byte[0], 1, 1, m.plusSeconds(65)));
    }
    return docs;
  }
}
