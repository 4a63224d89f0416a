package com.pulse.domain.telemetry.internal;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.store.Store;
import java.util.Arrays;

/**
 * Writes a Pulse latency sketch as the DDSketch protobuf message (the wire format of sketches-java's
 * {@code DDSketch.proto}) that {@link DDSketchProtoReader} reads: {@code DDSketch{1: IndexMapping{1: gamma},
 * 2: Store positiveValues, 3: Store negativeValues, 4: zeroCount}} (index offset 0 and no
 * interpolation are the proto3 defaults, so they are not written).
 *
 * <p>Each store is written in whichever of the two encodings the message allows is smaller:
 * {@code contiguousBinCounts} (8 bytes per bin from the lowest to the highest non-empty bin, zeros
 * included — what sketches-java's {@code DenseStore} writes) or the {@code binCounts} map (about 13
 * bytes per non-empty bin). A minute window with a few requests has a few non-empty bins spread over
 * hundreds, so the map form is typically 10× smaller, and cheaper to write, store and read again.
 * Stateless; thread-safe.
 */
public final class DDSketchProtoWriter {
  private byte[] buf;
  private int pos;

  private DDSketchProtoWriter() {
    this(256);
  }

  private DDSketchProtoWriter(int capacity) {
    buf = new byte[capacity];
  }

  /**
   * The message of {@code sketch}, whose mapping is logarithmic with base {@code gamma}, index
   * offset 0 and no interpolation.
   */
  public static byte[] write(DDSketch sketch, double gamma) {
    DDSketchProtoWriter w = new DDSketchProtoWriter();
    w.mapping(gamma);
    w.store(2, sketch.getPositiveValueStore());
    w.store(3, sketch.getNegativeValueStore());
    double zero = sketch.getCount() - sketch.getPositiveValueStore().getTotalCount()
        - sketch.getNegativeValueStore().getTotalCount();
    if (zero > 0) {
      w.tag(4, 1);
      w.fixedDouble(zero);
    }
    return Arrays.copyOf(w.buf, w.pos);
  }

  /**
   * The message of a sketch whose negative store is empty: positive bins {@code keys[i]} holding
   * {@code counts[i]} for {@code i < n}, and {@code zeroCount}. The same bytes as
   * {@link #write(DDSketch, double)} of a sketch with those bins.
   *
   * @param keys bin indices, strictly ascending; only the first {@code n} are read
   * @param counts their counts, non-zero
   * @throws IllegalArgumentException if {@code n} exceeds an array's length or is negative
   */
  public static byte[] writePositive(double gamma, int[] keys, double[] counts, int n, double zeroCount) {
    if (n < 0 || n > keys.length || n > counts.length) {
      throw new IllegalArgumentException("n " + n + " outside the arrays");
    }
    // mapping (11) + store header (≤ 6) + the smaller encoding's bound + zero count (9): no regrowth
    long span = n == 0 ? 0 : (long) keys[n - 1] - keys[0] + 1;
    long storeBound = Math.min(17L * n, 8 * span + 12);
    DDSketchProtoWriter w = new DDSketchProtoWriter((int) Math.min(Integer.MAX_VALUE - 8, 26 + storeBound));
    w.mapping(gamma);
    w.store(2, keys, counts, n);
    if (zeroCount > 0) {
      w.tag(4, 1);
      w.fixedDouble(zeroCount);
    }
    return Arrays.copyOf(w.buf, w.pos);
  }

  private void mapping(double gamma) {
    tag(1, 2);
    varint(9);
    tag(1, 1);
    fixedDouble(gamma);
  }

  private void store(int field, Store store) {
    if (store.isEmpty()) {
      return;
    }
    int capacity = store.getMaxIndex() - store.getMinIndex() + 1;
    int[] keys = new int[capacity];
    double[] counts = new double[capacity];
    int[] n = {0};
    store.forEach((index, count) -> { // ascending, non-empty bins only
      keys[n[0]] = index;
      counts[n[0]++] = count;
    });
    store(field, keys, counts, n[0]);
  }

  /** One store from its non-empty bins, ascending. */
  private void store(int field, int[] keys, double[] counts, int n) {
    if (n == 0) {
      return;
    }
    int min = keys[0];
    int span = keys[n - 1] - min + 1;
    tag(field, 2);
    if (13L * n < 8L * span) {
      int length = 0;
      for (int i = 0; i < n; i++) {
        length += 2 + entryLength(keys[i]);
      }
      varint(length);
      ensure(length);
      byte[] b = buf;
      int p = pos;
      for (int i = 0; i < n; i++) { // the calls above, unrolled: a store of hundreds of bins is written per merge
        long key = zigzag(keys[i]);
        b[p++] = (1 << 3) | 2; // tag(1, LEN): the entry
        b[p++] = (byte) entryLength(keys[i]); // at most 15: one varint byte
        b[p++] = 1 << 3; // tag(1, VARINT): the key
        while ((key & ~0x7FL) != 0) {
          b[p++] = (byte) ((key & 0x7F) | 0x80);
          key >>>= 7;
        }
        b[p++] = (byte) key;
        b[p++] = (2 << 3) | 1; // tag(2, I64): the count
        p = putDouble(b, p, counts[i]);
      }
      pos = p;
    } else {
      int packed = 8 * span;
      varint(1 + varintLength(packed) + packed + (min == 0 ? 0 : 1 + varintLength(zigzag(min))));
      tag(2, 2);
      varint(packed);
      ensure(packed);
      byte[] b = buf;
      int p = pos;
      for (int i = 0, key = min; i < n; key++) {
        p = putDouble(b, p, keys[i] == key ? counts[i++] : 0);
      }
      pos = p;
      if (min != 0) {
        tag(3, 0);
        varint(zigzag(min));
      }
    }
  }

  /** Length of a map entry {@code {1: sint32 key, 2: double count}}. */
  private static int entryLength(int key) {
    return 1 + varintLength(zigzag(key)) + 1 + 8;
  }

  private static long zigzag(int v) {
    return ((long) ((v << 1) ^ (v >> 31))) & 0xFFFFFFFFL;
  }

  private static int varintLength(long v) {
    int n = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }

  private void tag(int field, int wireType) {
    varint((field << 3) | wireType);
  }

  private void varint(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[pos++] = (byte) v;
  }

  private void fixedDouble(double d) {
    ensure(8);
    pos = putDouble(buf, pos, d);
  }

  /** {@code d} as protobuf's fixed64 (little-endian IEEE 754 bits) at {@code at}; returns the end. */
  private static int putDouble(byte[] b, int at, double d) {
    long bits = Double.doubleToRawLongBits(d);
    for (int i = 0; i < 8; i++) {
      b[at + i] = (byte) (bits >>> (8 * i));
    }
    return at + 8;
  }

  private void ensure(int bytes) {
    if (pos + bytes > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + bytes));
    }
  }
}
