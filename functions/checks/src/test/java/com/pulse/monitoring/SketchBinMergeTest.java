package com.pulse.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.pulse.monitoring.SketchBinMerge.PartitionBins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The percentile merge of {@code TelemetryQuantiles} (modelled by {@link SketchBinMerge}) over bins
 * exported with key = sketches-java index + 1 gives exactly what sketches-java gives for the merged
 * sketch, and stays within the 1% relative accuracy of the exact quantile of all raw latencies.
 */
class SketchBinMergeTest {

  private static final double ALPHA = 0.01;
  private static final double GAMMA = (1 + ALPHA) / (1 - ALPHA);

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.01, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0})
  void mergeAcrossPartitionsMatchesSketchesJavaAndTheExactQuantile(double q) {
    Random random = new Random(42);
    List<double[]> partitions = List.of(latencies(random, 5_000, 20, 0.6, 50),
        latencies(random, 800, 150, 1.1, 0), latencies(random, 12_000, 5, 0.3, 300));

    DDSketch merged = sketch();
    List<PartitionBins> exported = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    for (double[] values : partitions) {
      DDSketch s = sketch();
      for (double v : values) {
        s.accept(v);
        all.add(v);
      }
      merged.mergeWith(s);
      exported.add(export(s));
    }

    double model = SketchBinMerge.quantile(exported, GAMMA, q);
    assertThat(model).isCloseTo(merged.getValueAtQuantile(q), within(1e-9 * Math.max(1, model)));

    double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double exact = sorted[(int) Math.floor(q * (sorted.length - 1))];
    if (exact == 0) {
      assertThat(model).isZero();
    } else {
      assertThat(Math.abs(model - exact) / exact).as("relative error at q=%s", q).isLessThanOrEqualTo(ALPHA + 1e-12);
    }
  }

  private static DDSketch sketch() {
    return new DDSketch(new LogarithmicMapping(ALPHA), () -> new CollapsingLowestDenseStore(1), () -> new CollapsingLowestDenseStore(1024));
  }

  /** The exported row shape: key = sketches-java bin index + 1, plus the zero-bucket count. */
  private static PartitionBins export(DDSketch s) {
    Map<String, Long> bins = new TreeMap<>();
    s.getPositiveValueStore().forEach((index, count) -> bins.put(Integer.toString(index + 1), Math.round(count)));
    long zero = Math.round(s.getCount() - s.getPositiveValueStore().getTotalCount());
    return new PartitionBins(zero, bins);
  }

  /** Log-normal latencies in ms (median {@code medianMs}, shape {@code sigma}) plus {@code zeros} zero-ms requests. */
  private static double[] latencies(Random random, int count, double medianMs, double sigma, int zeros) {
    double[] values = new double[count + zeros];
    for (int i = 0; i < count; i++) {
      values[i] = medianMs * Math.exp(sigma * random.nextGaussian());
    }
    Arrays.fill(values, count, values.length, 0.0);
    return values;
  }
}
