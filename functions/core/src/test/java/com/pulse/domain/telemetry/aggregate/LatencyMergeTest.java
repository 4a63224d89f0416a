package com.pulse.domain.telemetry.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LatencyMerge} against the library path it replaces: deserialize the stored sketch, merge
 * the delta with sketches-java, serialize, and take the statistics with
 * {@link LatencySketches#version}. Every field must be identical, bytes included.
 */
class LatencyMergeTest {
  private static final WindowDocument DOC = new WindowDocument("pt1m-x", "t", "s", "op", null, "PT1M",
      Instant.EPOCH, Instant.EPOCH.plusSeconds(60), "0", 0, 0, 0, 0, new byte[0], new byte[0], 0, 1, Instant.EPOCH);

  @Test
  void equalsTheLibraryMergeOnRandomSketches() {
    SplittableRandom random = new SplittableRandom(7);
    int fast = 0;
    int fallback = 0;
    for (int round = 0; round < 3_000; round++) {
      DDSketch stored = randomSketch(random);
      DDSketch delta = random.nextInt(10) == 0 ? null : randomSketch(random);
      byte[] image = random.nextInt(10) == 0 ? new byte[0] : LatencySketches.serialize(stored);

      DDSketch library = LatencySketches.deserialize(image);
      Store union = Store.of(library).union(delta == null ? new Store(0, -1) : Store.of(delta));
      if (delta != null) {
        library.mergeWith(delta);
      }
      WindowVersion expected = LatencySketches.version(DOC, library, 0);
      LatencyMerge.Result actual = LatencyMerge.merge(image, delta);
      if (actual == null) {
        fallback++;
        assertTrue(union.span() > LatencySketches.MAX_BINS, "fell back although " + union.span() + " bins fit");
        continue;
      }
      assertTrue(union.span() <= LatencySketches.MAX_BINS, "round " + round + " merged " + union.span() + " bins");
      fast++;
      String at = "round " + round;
      assertArrayEquals(LatencySketches.serialize(library), actual.image(), at);
      if (round % 10 == 0) { // the message as sketches-java's own protobuf binding reads it
        assertEquals(bins(library), bins(libraryRead(actual.image())), at);
      }
      assertEquals(expected.p50Ms(), actual.p50Ms(), at);
      assertEquals(expected.p95Ms(), actual.p95Ms(), at);
      assertEquals(expected.p99Ms(), actual.p99Ms(), at);
      assertEquals(expected.sketchZeroCount(), actual.zeroCount(), at);
      assertArrayEquals(expected.binKeys(), actual.binKeys(), at);
      assertArrayEquals(expected.binCounts(), actual.binCounts(), at);
    }
    assertTrue(fast > 2_000, "fast path taken " + fast + " times");
    assertTrue(fallback > 20, "fallback taken " + fallback + " times");
  }

  /** {@code image} parsed by sketches-java's generated protobuf classes and {@code DDSketchProtoBinding}. */
  private static DDSketch libraryRead(byte[] image) {
    try {
      return com.datadoghq.sketch.ddsketch.DDSketchProtoBinding.fromProto(
          com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore::new,
          com.datadoghq.sketch.ddsketch.proto.DDSketch.parseFrom(image));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  /** Positive bins (index → count) and the zero count of {@code sketch}. */
  private static java.util.Map<Integer, Double> bins(DDSketch sketch) {
    java.util.Map<Integer, Double> bins = new java.util.TreeMap<>();
    sketch.getPositiveValueStore().forEach(bins::put);
    bins.put(Integer.MIN_VALUE, sketch.getCount() - sketch.getPositiveValueStore().getTotalCount());
    return bins;
  }

  @Test
  void keptBinsStandForTheImageTheyCameWithMergeAfterMerge() {
    SplittableRandom random = new SplittableRandom(21);
    for (int chain = 0; chain < 200; chain++) {
      byte[] image = new byte[0];
      LatencyBins kept = null;
      for (int step = 0; step < 12; step++) {
        double[] latencies = new double[random.nextInt(1, 2 * WindowAccumulator.BIN_BUFFER)];
        for (int i = 0; i < latencies.length; i++) {
          latencies[i] = random.nextInt(30) == 0 ? 0 : Math.exp(random.nextGaussian() * 1.5 + 3);
        }
        LatencyMerge.Result read = LatencyMerge.merge(image, accumulator(latencies));
        LatencyMerge.Result fromKept = LatencyMerge.merge(image, kept, accumulator(latencies));
        String at = "chain " + chain + " step " + step;
        if (read == null) { // collapsing: the library's path, nothing kept
          assertNull(fromKept, at);
          break;
        }
        assertArrayEquals(read.image(), fromKept.image(), at);
        assertEquals(read.p50Ms(), fromKept.p50Ms(), at);
        assertEquals(read.p95Ms(), fromKept.p95Ms(), at);
        assertEquals(read.zeroCount(), fromKept.zeroCount(), at);
        assertArrayEquals(read.binCounts(), fromKept.binCounts(), at);
        LatencyMerge.Result reread = LatencyMerge.merge(fromKept.image(), (DDSketch) null);
        assertArrayEquals(reread.bins().keys(), fromKept.bins().keys(), at);
        assertArrayEquals(reread.bins().counts(), fromKept.bins().counts(), at);
        assertEquals(reread.bins().zero(), fromKept.bins().zero(), at);
        image = fromKept.image();
        kept = fromKept.bins();
      }
    }
  }

  @Test
  void anAccumulatorsHeldBinsMergeAsItsSketchWould() {
    SplittableRandom random = new SplittableRandom(13);
    int held = 0;
    int fallbacks = 0;
    for (int round = 0; round < 2_000; round++) {
      byte[] image = random.nextInt(5) == 0 ? new byte[0] : LatencySketches.serialize(randomSketch(random));
      int n = random.nextInt(3 * WindowAccumulator.BIN_BUFFER);
      double[] latencies = new double[n];
      boolean wide = random.nextInt(8) == 0;
      boolean zeros = random.nextInt(3) == 0; // a zero builds the sketch at once: in a third of the rounds only
      for (int i = 0; i < n; i++) {
        int kind = random.nextInt(40);
        latencies[i] = zeros && kind == 0 ? 0 : wide && kind < 4 ? Math.pow(10, -3 + random.nextDouble() * 11)
            : Math.exp(random.nextGaussian() * 1.5 + 3);
      }
      WindowAccumulator delta = accumulator(latencies);
      held += delta.latencyIfBuilt() == null ? 1 : 0;

      LatencyMerge.Result actual = LatencyMerge.merge(image, delta);
      LatencyMerge.Result viaSketch = LatencyMerge.merge(image, accumulator(latencies).latency());
      DDSketch library = LatencySketches.deserialize(image);
      library.mergeWith(accumulator(latencies).latency());
      String at = "round " + round;
      if (actual == null) { // bins beyond 1,024: WindowDocuments merges with the library, as the old code did
        fallbacks++;
        continue;
      }
      assertArrayEquals(LatencySketches.serialize(library), actual.image(), at);
      if (round % 10 == 0) { // the message as sketches-java's own protobuf binding reads it
        assertEquals(bins(library), bins(libraryRead(actual.image())), at);
      }
      assertArrayEquals(viaSketch.image(), actual.image(), at);
      assertEquals(viaSketch.p50Ms(), actual.p50Ms(), at);
      assertEquals(viaSketch.p99Ms(), actual.p99Ms(), at);
      assertEquals(viaSketch.zeroCount(), actual.zeroCount(), at);
      assertArrayEquals(viaSketch.binKeys(), actual.binKeys(), at);
      assertArrayEquals(viaSketch.binCounts(), actual.binCounts(), at);
    }
    assertTrue(held > 300, "deltas merged from held bins: " + held);
    assertTrue(fallbacks > 10 && fallbacks < 400, "library merges: " + fallbacks);
  }

  private static WindowAccumulator accumulator(double[] latencies) {
    WindowAccumulator acc = new WindowAccumulator("t", "s", null, "op", Granularity.MINUTE, 0, 1);
    for (int i = 0; i < latencies.length; i++) {
      acc.add(latencies[i], LatencySketches.binIndex(latencies[i]), false, false, false, 0, i);
    }
    return acc;
  }

  @Test
  void emptyInputsGiveAnEmptySketch() {
    LatencyMerge.Result r = LatencyMerge.merge(new byte[0], (DDSketch) null);
    assertNotNull(r);
    assertEquals(0, r.p50Ms());
    assertEquals(0, r.zeroCount());
    assertEquals(0, r.binKeys().length);
    assertArrayEquals(LatencySketches.serialize(LatencySketches.newSketch()), r.image());
  }

  @Test
  void negativeBinsTakeTheLibraryPath() {
    DDSketch withNegative = LatencySketches.newSketch();
    withNegative.accept(-5);
    withNegative.accept(7);
    assertNull(LatencyMerge.merge(LatencySketches.serialize(withNegative), (DDSketch) null));
    assertNull(LatencyMerge.merge(new byte[0], withNegative));
  }

  @Test
  void readsBinsInAnyOrderAndAddsRepeatedOnes() {
    // a map-form store written by another writer: entries out of order, index 40 twice
    java.io.ByteArrayOutputStream store = new java.io.ByteArrayOutputStream();
    int[][] entries = {{300, 2}, {40, 1}, {120, 5}, {40, 3}};
    for (int[] e : entries) {
      store.write(0x0A); // field 1, length-delimited
      byte[] entry = entry(e[0], e[1]);
      store.write(entry.length);
      store.writeBytes(entry);
    }
    java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
    message.write(0x0A); // mapping
    message.write(9);
    message.write(0x09);
    message.writeBytes(littleEndian(LatencySketches.GAMMA));
    message.write(0x12); // positive store
    message.write(store.size());
    message.writeBytes(store.toByteArray());
    DDSketch delta = LatencySketches.newSketch();
    delta.accept(50);

    LatencyMerge.Result r = LatencyMerge.merge(message.toByteArray(), delta);

    DDSketch library = LatencySketches.deserialize(message.toByteArray());
    library.mergeWith(delta);
    WindowVersion expected = LatencySketches.version(DOC, library, 0);
    assertArrayEquals(LatencySketches.serialize(library), r.image());
    assertArrayEquals(expected.binKeys(), r.binKeys());
    assertArrayEquals(expected.binCounts(), r.binCounts());
    assertArrayEquals(new int[] {41, 121, LatencySketches.binIndex(50) + 1, 301}, r.binKeys());
    assertArrayEquals(new long[] {4, 5, 1, 2}, r.binCounts());
    assertEquals(expected.p99Ms(), r.p99Ms());
  }

  private static byte[] entry(int key, double count) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(0x08); // key: sint32, zigzag varint
    long zigzag = ((long) ((key << 1) ^ (key >> 31))) & 0xFFFFFFFFL;
    while ((zigzag & ~0x7FL) != 0) {
      out.write((int) ((zigzag & 0x7F) | 0x80));
      zigzag >>>= 7;
    }
    out.write((int) zigzag);
    out.write(0x11); // count: double
    out.writeBytes(littleEndian(count));
    return out.toByteArray();
  }

  private static byte[] littleEndian(double d) {
    return java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(d).array();
  }

  /** A sketch of 0–200 latencies: zeros, typical ms latencies, and now and then a wide spread. */
  private static DDSketch randomSketch(SplittableRandom random) {
    DDSketch sketch = LatencySketches.newSketch();
    int n = random.nextInt(201);
    boolean wide = random.nextInt(8) == 0;
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(20);
      if (kind == 0) {
        sketch.accept(0);
      } else if (wide && kind < 4) {
        sketch.accept(Math.pow(10, -3 + random.nextDouble() * 11)); // 1 µs .. 10^8 ms: beyond 1,024 bins
      } else {
        sketch.accept(Math.exp(random.nextGaussian() * 1.5 + 3)); // lognormal around 20 ms
      }
    }
    return sketch;
  }

  /** The index span of a sketch's positive bins. */
  private record Store(int min, int max) {
    static Store of(DDSketch sketch) {
      var positive = sketch.getPositiveValueStore();
      return positive.isEmpty() ? new Store(0, -1) : new Store(positive.getMinIndex(), positive.getMaxIndex());
    }

    Store union(Store other) {
      return span() <= 0 ? other : other.span() <= 0 ? this : new Store(Math.min(min, other.min), Math.max(max, other.max));
    }

    int span() {
      return max - min + 1;
    }
  }
}
