package com.pulse.domain.telemetry.internal;

import com.datadoghq.sketch.ddsketch.DDSketch;

/**
 * Minimal reader of the DDSketch protobuf message (sketches-java {@code DDSketch.proto}):
 * {@code DDSketch{1: IndexMapping mapping, 2: Store positiveValues, 3: Store negativeValues,
 * 4: double zeroCount}}, {@code IndexMapping{1: double gamma, 2: double indexOffset, 3: enum
 * interpolation}}, {@code Store{1: map<sint32,double> binCounts, 2: repeated double
 * contiguousBinCounts (packed), 3: sint32 contiguousBinIndexOffset}}. Wire format per
 * https://protobuf.dev/programming-guides/encoding/. Unknown fields are skipped.
 * Stateless; thread-safe.
 */
public final class DDSketchProtoReader {
  /**
   * Receives the content of a message as {@link #read} finds it: non-zero bins in message order
   * (ascending for messages {@link DDSketchProtoWriter} wrote; a map may repeat an index, whose
   * counts then add) and the zero count, if present.
   */
  public interface BinSink {
    /** A bin of the positive ({@code negative == false}) or negative value store. */
    void bin(boolean negative, int index, double count);

    /** The zero bucket's count. */
    void zero(double count);
  }


  private final byte[] buf;
  private int pos;
  private final int limit;

  private DDSketchProtoReader(byte[] buf, int pos, int limit) {
    this.buf = buf;
    this.pos = pos;
    this.limit = limit;
  }

  /**
   * Adds the bins and zero count encoded in {@code bytes} to {@code target}.
   *
   * @throws IllegalArgumentException if the message is truncated or its mapping is not the
   *     logarithmic mapping with {@code expectedGamma}, index offset 0 and no interpolation
   */
  public static void mergeInto(byte[] bytes, double expectedGamma, DDSketch target) {
    read(bytes, expectedGamma, new BinSink() {
      @Override
      public void bin(boolean negative, int index, double count) {
        (negative ? target.getNegativeValueStore() : target.getPositiveValueStore()).add(index, count);
      }

      @Override
      public void zero(double count) {
        target.accept(0.0, count);
      }
    });
  }

  /**
   * Hands the bins and zero count encoded in {@code bytes} to {@code sink}, without building a
   * sketch.
   *
   * @throws IllegalArgumentException as {@link #mergeInto}
   */
  public static void read(byte[] bytes, double expectedGamma, BinSink sink) {
    try {
      new DDSketchProtoReader(bytes, 0, bytes.length).readSketch(expectedGamma, sink);
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("truncated DDSketch protobuf message", e);
    }
  }

  private void readSketch(double expectedGamma, BinSink sink) {
    while (pos < limit) {
      int tag = (int) varint();
      switch (tag) {
        case (1 << 3) | 2 -> sub().checkMapping(expectedGamma);
        case (2 << 3) | 2 -> sub().readStore(false, sink);
        case (3 << 3) | 2 -> sub().readStore(true, sink);
        case (4 << 3) | 1 -> sink.zero(fixedDouble());
        default -> skip(tag);
      }
    }
  }

  private void checkMapping(double expectedGamma) {
    double gamma = 0;
    double indexOffset = 0;
    long interpolation = 0;
    while (pos < limit) {
      int tag = (int) varint();
      switch (tag) {
        case (1 << 3) | 1 -> gamma = fixedDouble();
        case (2 << 3) | 1 -> indexOffset = fixedDouble();
        case (3 << 3) -> interpolation = varint();
        default -> skip(tag);
      }
    }
    if (Math.abs(gamma - expectedGamma) > 1e-12 || indexOffset != 0 || interpolation != 0) {
      throw new IllegalArgumentException(
          "unsupported DDSketch mapping: gamma=" + gamma + ", indexOffset=" + indexOffset + ", interpolation=" + interpolation);
    }
  }

  private void readStore(boolean negative, BinSink sink) {
    double[] contiguous = new double[16];
    int contiguousCount = 0;
    int offset = 0;
    while (pos < limit) {
      int tag = (int) varint();
      switch (tag) {
        case (1 << 3) | 2 -> sub().readMapEntry(negative, sink);
        case (2 << 3) | 2 -> {
          DDSketchProtoReader packed = sub();
          while (packed.pos < packed.limit) {
            if (contiguousCount == contiguous.length) {
              contiguous = java.util.Arrays.copyOf(contiguous, contiguousCount * 2);
            }
            contiguous[contiguousCount++] = packed.fixedDouble();
          }
        }
        case (2 << 3) | 1 -> {
          if (contiguousCount == contiguous.length) {
            contiguous = java.util.Arrays.copyOf(contiguous, contiguousCount * 2);
          }
          contiguous[contiguousCount++] = fixedDouble();
        }
        case (3 << 3) -> offset = zigzag(varint());
        default -> skip(tag);
      }
    }
    for (int i = 0; i < contiguousCount; i++) {
      if (contiguous[i] != 0) {
        sink.bin(negative, offset + i, contiguous[i]);
      }
    }
  }

  private void readMapEntry(boolean negative, BinSink sink) {
    int key = 0;
    double value = 0;
    while (pos < limit) {
      int tag = (int) varint();
      switch (tag) {
        case (1 << 3) -> key = zigzag(varint());
        case (2 << 3) | 1 -> value = fixedDouble();
        default -> skip(tag);
      }
    }
    if (value != 0) {
      sink.bin(negative, key, value);
    }
  }

  private DDSketchProtoReader sub() {
    int length = (int) varint();
    if (length < 0 || pos + length > limit) {
      throw new IllegalArgumentException("DDSketch protobuf field length " + length + " exceeds message");
    }
    DDSketchProtoReader sub = new DDSketchProtoReader(buf, pos, pos + length);
    pos += length;
    return sub;
  }

  private long varint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = buf[pos++];
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("malformed varint in DDSketch protobuf message");
  }

  private double fixedDouble() {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits |= (buf[pos++] & 0xFFL) << (8 * i);
    }
    return Double.longBitsToDouble(bits);
  }

  private static int zigzag(long n) {
    int v = (int) n;
    return (v >>> 1) ^ -(v & 1);
  }

  private void skip(int tag) {
    switch (tag & 7) {
      case 0 -> varint();
      case 1 -> pos += 8;
      case 2 -> pos += (int) varint();
      case 5 -> pos += 4;
      default -> throw new IllegalArgumentException("unsupported protobuf wire type " + (tag & 7));
    }
    if (pos > limit) {
      throw new IllegalArgumentException("truncated DDSketch protobuf message");
    }
  }
}
