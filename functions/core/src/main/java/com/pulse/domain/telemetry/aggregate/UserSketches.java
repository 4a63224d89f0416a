package com.pulse.domain.telemetry.aggregate;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Distinct-user counting with Apache DataSketches HLL: {@code lgK = }{@value #LG_K} (4,096 registers,
 * relative standard error {@code ≈ 1.04/√4096 = 1.6%}), type {@code HLL_8} (one byte per register, so at
 * most 4 KiB + a 40-byte header per window; small windows stay in the sparse LIST/SET modes and take
 * a few bytes per user). See https://datasketches.apache.org/docs/HLL/HLL.html.
 *
 * <p>User ids are hashed to 64 bits by {@link #hash64} (zero allocation) and the hash is what is
 * offered to the sketch ({@code HllSketch.update(long)}), on every path, so images built by any
 * component are mergeable. Stored images always come out of a {@link Union} so their estimator does
 * not depend on the order updates arrived in (HIP is disabled once a sketch went through a union).
 * Stateless and thread-safe.
 */
public final class UserSketches {
  /** log2 of the number of HLL registers. */
  public static final int LG_K = 12;

  private UserSketches() {}

  /** A new empty updatable sketch. */
  public static HllSketch newSketch() {
    return new HllSketch(LG_K, TgtHllType.HLL_8);
  }

  /**
   * 64-bit hash of a user id's UTF-16 code units: FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/)
   * finished with MurmurHash3's {@code fmix64}. Allocation-free.
   */
  public static long hash64(String userId) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0, n = userId.length(); i < n; i++) {
      h ^= userId.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /**
   * Union of a stored image (may be empty) and an in-memory sketch (may be null), as a compact image;
   * empty when both are empty.
   *
   * @throws org.apache.datasketches.common.SketchesArgumentException if {@code image} is corrupt
   */
  public static byte[] union(byte[] image, HllSketch delta) {
    Union union = new Union(LG_K);
    if (image.length > 0) {
      union.update(HllSketch.heapify(image));
    }
    if (delta != null && !delta.isEmpty()) {
      union.update(delta);
    }
    return union.isEmpty() ? new byte[0] : union.getResult(TgtHllType.HLL_8).toCompactByteArray();
  }

  /** Estimated distinct users of an image, rounded; 0 for an empty image. */
  public static long estimate(byte[] image) {
    return image.length == 0 ? 0 : Math.round(HllSketch.heapify(image).getEstimate());
  }
}
