package com.pulse.domain.telemetry.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.pulse.domain.telemetry.internal.DDSketchProtoReader;
import com.pulse.domain.telemetry.internal.DDSketchProtoWriter;
import java.util.Arrays;

/**
 * Merges a stored latency sketch (the DDSketch protobuf bytes {@link LatencySketches#serialize}
 * writes) with a batch's in-memory delta sketch at the level of bins, without building a
 * {@link DDSketch} for the stored one, and takes the version's statistics from the same pass: the
 * write path's per-series cost ({@link WindowDocuments#merge}).
 *
 * <p><b>Same result as the library.</b> When the merged positive bins span at most
 * {@link LatencySketches#MAX_BINS} indices and both negative stores are empty, sketches-java's
 * {@code CollapsingLowestDenseStore} collapses nothing, so its merge is the bin-wise sum computed
 * here (same additions in the same order), and {@link #merge} returns exactly the bytes, percentiles
 * ({@code DDSketch#getValueAtQuantile}: rank {@code q·(count−1)}, first bin whose running count
 * exceeds it, value {@code mapping.value(index)}), zero count and bins that
 * {@code deserialize → mergeWith → serialize → LatencySketches.version} would give.
 * {@code LatencyMergeTest} checks this against the library on random sketches. Otherwise it returns
 * null and the caller takes the library path.
 *
 * <p>Thread-safe: the scratch arrays are per thread; the result shares nothing with them.
 */
final class LatencyMerge {
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private LatencyMerge() {}

  /**
   * A merged latency sketch and its statistics.
   *
   * @param image the DDSketch protobuf message of the merged sketch
   * @param p50Ms p50 in ms (0 when empty); likewise {@code p95Ms}, {@code p99Ms}
   * @param zeroCount count of the zero bucket
   * @param binKeys non-empty positive bins, ascending, key {@code index + 1} (as {@link LatencySketches#version})
   * @param binCounts their counts, rounded
   * @param bins the merged sketch's bins, as {@link Scratch#readStored} would read them from {@code image}
   */
  record Result(byte[] image, double p50Ms, double p95Ms, double p99Ms, long zeroCount, int[] binKeys,
      long[] binCounts, LatencyBins bins) {}

  /**
   * {@code stored} (may be empty) merged with {@code delta} (may be null), or null when the result
   * would need the library's collapsing or a negative store (see the class comment).
   *
   * @throws IllegalArgumentException if {@code stored} is not a DDSketch message of Pulse's mapping
   */
  static Result merge(byte[] stored, DDSketch delta) {
    Scratch s = SCRATCH.get();
    if (!s.readStored(stored)) {
      return null;
    }
    return mergeBuilt(s, delta);
  }

  /** The scratch's stored bins merged with {@code delta} (may be null). */
  private static Result mergeBuilt(Scratch s, DDSketch delta) {
    double zero = s.zero;
    if (delta != null) {
      if (!delta.getNegativeValueStore().isEmpty()) {
        return null;
      }
      zero += LatencySketches.zeroCountExact(delta);
      delta.getPositiveValueStore().forEach(s::deltaBin); // ascending, non-empty bins
    }
    return mergeWith(s, zero);
  }

  /**
   * As {@link #merge(byte[], DDSketch)} with {@code delta}'s latencies: its sketch if it was built,
   * else the bins it holds ({@link WindowAccumulator#heldBins}), counted here without building one.
   *
   * @throws IllegalArgumentException as {@link #merge(byte[], DDSketch)}
   */
  static Result merge(byte[] stored, WindowAccumulator delta) {
    return merge(stored, null, delta);
  }

  /**
   * As {@link #merge(byte[], WindowAccumulator)}, with {@code storedBins} (null: read {@code stored})
   * standing for the bins of {@code stored}: the {@link Result#bins} of the merge that wrote it.
   *
   * @throws IllegalArgumentException as {@link #merge(byte[], DDSketch)}
   */
  static Result merge(byte[] stored, LatencyBins storedBins, WindowAccumulator delta) {
    DDSketch built = delta.latencyIfBuilt();
    Scratch s = SCRATCH.get();
    if (storedBins != null) {
      s.loadStored(storedBins);
    } else if (!s.readStored(stored)) {
      return null;
    }
    if (built != null) {
      return mergeBuilt(s, built);
    }
    s.deltaBins(delta.heldBins(), delta.heldBinCount());
    return mergeWith(s, s.zero);
  }

  /** The merge of the scratch's stored and delta bins, or null if it would need collapsing. */
  private static Result mergeWith(Scratch s, double zero) {
    int n = s.mergeSorted();
    if (n > 0 && s.keys[n - 1] - s.keys[0] + 1 > LatencySketches.MAX_BINS) {
      return null;
    }
    byte[] image = DDSketchProtoWriter.writePositive(LatencySketches.GAMMA, s.keys, s.counts, n, zero);
    return statistics(image, s.keys, s.counts, n, zero,
        new LatencyBins(Arrays.copyOf(s.keys, n), Arrays.copyOf(s.counts, n), zero));
  }

  private static Result statistics(byte[] image, int[] merged, double[] mergedCounts, int n, double zero,
      LatencyBins kept) {
    double positiveTotal = 0;
    for (int i = 0; i < n; i++) {
      positiveTotal += mergedCounts[i];
    }
    LatencySketches.ExportBins bins = LatencySketches.exportBins(merged, mergedCounts, n);
    int[] keys = bins.keys();
    long[] counts = bins.counts();
    double total = zero + positiveTotal;
    if (total == 0) {
      return new Result(image, 0, 0, 0, 0, keys, counts, kept);
    }
    double[] ranks = {0.50 * (total - 1), 0.95 * (total - 1), 0.99 * (total - 1)};
    double[] values = new double[3];
    int q = 0;
    double running = zero;
    while (q < 3 && running > ranks[q]) {
      values[q++] = 0;
    }
    for (int i = 0; i < n && q < 3; i++) {
      running += mergedCounts[i];
      if (q < 3 && running > ranks[q]) {
        double value = LatencySketches.MAPPING.value(merged[i]); // once per bin: quantiles often share one
        while (q < 3 && running > ranks[q]) {
          values[q++] = value;
        }
      }
    }
    return new Result(image, values[0], values[1], values[2], Math.round(zero), keys, counts, kept);
  }

  /**
   * Per-thread working space: the stored message's positive bins, the delta's, and their merge (all
   * as parallel index/count arrays).
   */
  private static final class Scratch implements DDSketchProtoReader.BinSink {
    int[] storedKeys = new int[64];
    double[] storedCounts = new double[64];
    int stored;
    int[] deltaKeys = new int[64];
    double[] deltaCounts = new double[64];
    int deltas;
    int[] keys = new int[128];
    double[] counts = new double[128];
    double zero;
    boolean negative;
    boolean ascending;

    void reset() {
      stored = 0;
      deltas = 0;
      zero = 0;
      negative = false;
      ascending = true;
    }

    /** Resets, then reads the stored message's bins (sorted); false if it has a negative store. */
    boolean readStored(byte[] message) {
      reset();
      if (message.length > 0) {
        DDSketchProtoReader.read(message, LatencySketches.GAMMA, this);
      }
      if (negative) {
        return false;
      }
      if (!ascending) { // not written by DDSketchProtoWriter: order (and add repeated) bins first
        sortStored();
      }
      return true;
    }

    /** Resets, then takes the stored bins from {@code bins} (copied: the scratch's arrays are reused). */
    void loadStored(LatencyBins bins) {
      reset();
      int n = bins.keys().length;
      if (storedKeys.length < n) {
        storedKeys = new int[Math.max(n, storedKeys.length * 2)];
        storedCounts = new double[storedKeys.length];
      }
      System.arraycopy(bins.keys(), 0, storedKeys, 0, n);
      System.arraycopy(bins.counts(), 0, storedCounts, 0, n);
      stored = n;
      zero = bins.zero();
    }

    /** The delta's bins from a list of bin indices in any order, one request each. */
    void deltaBins(int[] indices, int n) {
      if (n == 0) {
        return;
      }
      int[] sorted = Arrays.copyOf(indices, n);
      if (n > 1) {
        Arrays.sort(sorted);
      }
      for (int i = 0; i < n; ) {
        int j = i;
        while (j < n && sorted[j] == sorted[i]) {
          j++;
        }
        deltaBin(sorted[i], j - i);
        i = j;
      }
    }

    @Override
    public void bin(boolean negativeStore, int index, double count) {
      if (negativeStore) {
        negative = true;
        return;
      }
      if (stored == storedKeys.length) {
        storedKeys = Arrays.copyOf(storedKeys, stored * 2);
        storedCounts = Arrays.copyOf(storedCounts, stored * 2);
      }
      if (stored > 0 && storedKeys[stored - 1] >= index) {
        ascending = false;
      }
      storedKeys[stored] = index;
      storedCounts[stored++] = count;
    }

    @Override
    public void zero(double count) {
      zero += count;
    }

    void deltaBin(int index, double count) {
      if (deltas == deltaKeys.length) {
        deltaKeys = Arrays.copyOf(deltaKeys, deltas * 2);
        deltaCounts = Arrays.copyOf(deltaCounts, deltas * 2);
      }
      deltaKeys[deltas] = index;
      deltaCounts[deltas++] = count;
    }

    /** Sorts the stored bins by index, adding the counts of a repeated index in message order. */
    void sortStored() {
      Integer[] order = new Integer[stored];
      for (int i = 0; i < stored; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(storedKeys[a], storedKeys[b])); // stable: message order kept
      int[] k = new int[stored];
      double[] c = new double[stored];
      int m = 0;
      for (Integer i : order) {
        if (m > 0 && k[m - 1] == storedKeys[i]) {
          c[m - 1] += storedCounts[i];
        } else {
          k[m] = storedKeys[i];
          c[m++] = storedCounts[i];
        }
      }
      storedKeys = k;
      storedCounts = c;
      stored = m;
    }

    /** Merges the ascending stored and delta bins into {@code keys}/{@code counts}; returns their number. */
    int mergeSorted() {
      int capacity = stored + deltas;
      if (keys.length < capacity) {
        keys = new int[Math.max(capacity, keys.length * 2)];
        counts = new double[keys.length];
      }
      int i = 0;
      int j = 0;
      int n = 0;
      while (i < stored || j < deltas) {
        if (j == deltas || (i < stored && storedKeys[i] < deltaKeys[j])) {
          keys[n] = storedKeys[i];
          counts[n++] = storedCounts[i++];
        } else if (i == stored || deltaKeys[j] < storedKeys[i]) {
          keys[n] = deltaKeys[j];
          counts[n++] = deltaCounts[j++];
        } else {
          keys[n] = storedKeys[i];
          counts[n++] = storedCounts[i++] + deltaCounts[j++];
        }
      }
      return n;
    }
  }
}
