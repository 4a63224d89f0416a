package com.pulse.domain.telemetry.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.datadoghq.sketch.ddsketch.store.Store;
import com.pulse.domain.telemetry.internal.DDSketchProtoReader;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one latency sketch configuration of Pulse: DDSketch (sketches-java) with 1% relative accuracy,
 * the exact logarithmic index mapping ({@code gamma = (1 + 0.01) / (1 − 0.01) ≈ 1.0202}) and a
 * {@link CollapsingLowestDenseStore} of at most {@value #MAX_BINS} bins.
 *
 * <p><b>Memory.</b> A dense store holds one {@code double} (8 bytes) per bin between the lowest and
 * highest used index, growing in steps of 64 bins, capped at {@value #MAX_BINS} bins = 8 KiB per
 * window whatever the number of events. 1,024 bins span a ratio of {@code gamma^1024 ≈ 8·10^8}
 * (e.g. 0.01 ms to 2 h) at full accuracy; beyond that the lowest bins collapse (low percentiles lose
 * accuracy, p50/p95/p99 of latencies do not). Latencies from 1 ms to 60 s use ~560 bins (4.4 KiB).
 *
 * <p><b>Format.</b> {@link #serialize} is sketches-java's {@code DDSketch#serialize()}, i.e. the
 * DDSketch protobuf message ({@code DDSketch.proto} in sketches-java / the Datadog agent);
 * {@link #deserialize} reads that wire format with {@link DDSketchProtoReader} (no protobuf-java
 * runtime needed, whose 4.x versions cannot load sketches-java's generated classes).
 *
 * <p>Reference: Masson, Rim, Lee, "DDSketch: A Fast and Fully-Mergeable Quantile Sketch with
 * Relative-Error Guarantees", VLDB 2019. Stateless and thread-safe; sketches themselves are not.
 */
public final class LatencySketches {
  /** Relative accuracy of every latency sketch: 1%. */
  public static final double RELATIVE_ACCURACY = 0.01;
  /** Maximum number of bins of the positive-value store. */
  public static final int MAX_BINS = 1024;

  private static final LogarithmicMapping MAPPING = new LogarithmicMapping(RELATIVE_ACCURACY);
  /** Mapping base: {@code (1 + alpha) / (1 - alpha)}. */
  public static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);

  private LatencySketches() {}

  /** Marker of {@link #binIndex} for values that go to the zero bucket (or are negative). */
  static final int NO_BIN = Integer.MIN_VALUE;
  private static final double MIN_INDEXABLE = MAPPING.minIndexableValue();
  private static final double MAX_INDEXABLE = MAPPING.maxIndexableValue();

  /**
   * The positive-store bin of {@code valueMs} (what {@code DDSketch.accept} would compute), or
   * {@link #NO_BIN} when the sketch must take the value itself (zero, negative, out of range). Lets a
   * caller compute the logarithm once for several sketches of the same mapping.
   */
  static int binIndex(double valueMs) {
    return valueMs > MIN_INDEXABLE && valueMs <= MAX_INDEXABLE ? MAPPING.index(valueMs) : NO_BIN;
  }

  /** A new empty sketch (latencies are {@code >= 0}; the negative store stays empty). */
  public static DDSketch newSketch() {
    return new DDSketch(MAPPING, () -> new CollapsingLowestDenseStore(1), () -> new CollapsingLowestDenseStore(MAX_BINS));
  }

  /** The protobuf encoding of {@code sketch} ({@code DDSketch#serialize()}). */
  public static byte[] serialize(DDSketch sketch) {
    ByteBuffer buffer = sketch.serialize();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  /**
   * Reads a sketch written by {@link #serialize}; an empty array is an empty sketch.
   *
   * @throws IllegalArgumentException if the bytes are not a DDSketch protobuf message with this
   *     class's mapping (gamma, no interpolation, index offset 0)
   */
  public static DDSketch deserialize(byte[] bytes) {
    DDSketch sketch = newSketch();
    if (bytes.length > 0) {
      DDSketchProtoReader.mergeInto(bytes, GAMMA, sketch);
    }
    return sketch;
  }

  /**
   * Bins of the positive store for export: key {@code i + 1} (decimal string) for sketches-java bin
   * {@code i}, so that key {@code k} holds values in {@code [gamma^(k-1), gamma^k)} — the convention of
   * {@code TelemetryWindowRecord.sketchBins}, whose representative value is {@code 2·gamma^k/(gamma+1)}.
   */
  public static Map<String, Long> exportBins(DDSketch sketch) {
    Map<String, Long> bins = new TreeMap<>();
    sketch.getPositiveValueStore().forEach((index, count) -> bins.put(Integer.toString(index + 1), Math.round(count)));
    return bins;
  }

  /** Count of the zero bucket (latencies too small to index, i.e. 0 ms). */
  public static long zeroCount(DDSketch sketch) {
    Store positive = sketch.getPositiveValueStore();
    Store negative = sketch.getNegativeValueStore();
    return Math.round(sketch.getCount() - positive.getTotalCount() - negative.getTotalCount());
  }

  /** Value at quantile {@code q} in ms, or 0 for an empty sketch. @throws IllegalArgumentException if q ∉ [0, 1] */
  public static double quantile(DDSketch sketch, double q) {
    return sketch.isEmpty() ? 0 : sketch.getValueAtQuantile(q);
  }
}
