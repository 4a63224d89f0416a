package com.pulse.domain.telemetry.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.datadoghq.sketch.ddsketch.store.Store;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.internal.DDSketchProtoReader;
import com.pulse.domain.telemetry.internal.DDSketchProtoWriter;
import java.nio.ByteBuffer;
import java.util.Arrays;

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
 * <p><b>Format.</b> {@link #serialize} writes the DDSketch protobuf message ({@code DDSketch.proto} in
 * sketches-java / the Datadog agent), sparse where that is smaller;
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

  /** The index mapping of every latency sketch (the one {@link #newSketch} builds with). */
  static final LogarithmicMapping MAPPING = new LogarithmicMapping(RELATIVE_ACCURACY);
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

  /**
   * The empty sketch {@link #newSketch} copies; never handed out, never updated. sketches-java's
   * constructor computes the mapping's indexable range ({@code Math.pow}) for every sketch;
   * {@code DDSketch.copy()} of an empty sketch takes it from here and allocates the same two empty
   * stores: a new sketch and its first value cost ~55 ns instead of ~85 (C1 only: ~95 instead of
   * ~145; {@code NewSketchBenchmark}, docs/PERFORMANCE.md).
   */
  private static final DDSketch EMPTY =
      new DDSketch(MAPPING, () -> new CollapsingLowestDenseStore(1), () -> new CollapsingLowestDenseStore(MAX_BINS));

  /**
   * A new empty sketch (latencies are {@code >= 0}; the negative store stays empty): the logarithmic
   * mapping of {@link #RELATIVE_ACCURACY}, a negative store of one bin and a positive store of at most
   * {@link #MAX_BINS} that collapses its lowest bins. Independent of every other sketch this returns;
   * safe to call from any thread (the template is only read).
   */
  public static DDSketch newSketch() {
    return EMPTY.copy();
  }

  /**
   * The DDSketch protobuf encoding of {@code sketch}: for a sketch of this class's mapping, written by
   * {@link DDSketchProtoWriter} (each store in the smaller of the contiguous and the sparse form the
   * message allows); otherwise sketches-java's {@code DDSketch#serialize()}. Both are the same message
   * type, read by {@link #deserialize}.
   */
  public static byte[] serialize(DDSketch sketch) {
    if (sketch.getIndexMapping() instanceof LogarithmicMapping mapping
        && mapping.relativeAccuracy() == MAPPING.relativeAccuracy()) {
      return DDSketchProtoWriter.write(sketch, GAMMA);
    }
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
   * {@code sketch}'s statistics as a {@link WindowVersion} of {@code document}: p50/p95/p99, zero
   * count and the non-empty bins of the positive store with key {@code i + 1} for sketches-java bin
   * {@code i}, so that key {@code k} holds values in {@code [gamma^(k-1), gamma^k)} (representative
   * value {@code 2·gamma^k/(gamma+1)}). One walk over the store for the bins; no boxing.
   *
   * @param distinctUsers the document's distinct-user estimate
   */
  static WindowVersion version(WindowDocument document, DDSketch sketch, long distinctUsers) {
    Store positive = sketch.getPositiveValueStore();
    int capacity = positive.isEmpty() ? 0 : positive.getMaxIndex() - positive.getMinIndex() + 1;
    int[] indices = new int[capacity];
    double[] counts = new double[capacity];
    int[] n = {0};
    positive.forEach((index, count) -> { // ascending, non-empty bins
      indices[n[0]] = index;
      counts[n[0]++] = count;
    });
    ExportBins bins = exportBins(indices, counts, n[0]);
    boolean empty = sketch.isEmpty();
    return new WindowVersion(document,
        empty ? 0 : sketch.getValueAtQuantile(0.50),
        empty ? 0 : sketch.getValueAtQuantile(0.95),
        empty ? 0 : sketch.getValueAtQuantile(0.99),
        distinctUsers, zeroCount(sketch), bins.keys(), bins.counts());
  }

  /**
   * The exported bins of a positive store: key {@code i + 1} for sketches-java bin {@code i} (so key
   * {@code k} holds values in {@code [gamma^(k-1), gamma^k)}), count rounded, bins whose rounded count
   * is 0 left out.
   *
   * @param keys ascending export keys
   * @param counts their counts
   */
  record ExportBins(int[] keys, long[] counts) {}

  /**
   * {@link ExportBins} of the bins {@code indices[i]} holding {@code counts[i]}, {@code i < n},
   * indices ascending.
   */
  static ExportBins exportBins(int[] indices, double[] counts, int n) {
    int[] keys = new int[n];
    long[] rounded = new long[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      long r = Math.round(counts[i]);
      if (r > 0) {
        keys[k] = indices[i] + 1;
        rounded[k++] = r;
      }
    }
    return k == n ? new ExportBins(keys, rounded) : new ExportBins(Arrays.copyOf(keys, k), Arrays.copyOf(rounded, k));
  }

  /** Count of the zero bucket (latencies too small to index, i.e. 0 ms). */
  public static long zeroCount(DDSketch sketch) {
    return Math.round(zeroCountExact(sketch));
  }

  /** Count of the zero bucket, unrounded: what sketches-java keeps in its {@code zeroCount} field. */
  static double zeroCountExact(DDSketch sketch) {
    return sketch.getCount() - sketch.getPositiveValueStore().getTotalCount()
        - sketch.getNegativeValueStore().getTotalCount();
  }

  /** Value at quantile {@code q} in ms, or 0 for an empty sketch. @throws IllegalArgumentException if q ∉ [0, 1] */
  public static double quantile(DDSketch sketch, double q) {
    return sketch.isEmpty() ? 0 : sketch.getValueAtQuantile(q);
  }
}
