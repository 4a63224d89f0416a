package com.pulse.domain.telemetry.aggregate;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

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
   * A stored image (may be empty) united with an in-memory sketch (may be null): the new compact
   * image (empty when both are empty) and its estimate, rounded.
   *
   * @param image compact image
   * @param estimate distinct users, rounded; 0 for an empty image
   */
  record Merged(byte[] image, long estimate) {}

  /**
   * Union of a stored image (may be empty) and an in-memory sketch (may be null). The image is
   * read in place ({@code HllSketch.wrap}, no heap copy), and the estimate comes from the union's
   * result, so nothing is decoded twice.
   *
   * @throws org.apache.datasketches.common.SketchesArgumentException if {@code image} is corrupt
   */
  static Merged union(byte[] image, HllSketch delta) {
    boolean hasDelta = delta != null && !delta.isEmpty();
    if (image.length == 0 && !hasDelta) {
      return new Merged(image, 0);
    }
    Union union = new Union(LG_K);
    if (image.length > 0) {
      union.update(HllSketch.wrap(Memory.wrap(image)));
    }
    if (hasDelta) {
      union.update(delta);
    }
    HllSketch result = union.getResult(TgtHllType.HLL_8);
    return new Merged(result.toCompactByteArray(), Math.round(result.getEstimate()));
  }

  /** Estimated distinct users of an image, rounded; 0 for an empty image. */
  public static long estimate(byte[] image) {
    return image.length == 0 ? 0 : Math.round(HllSketch.heapify(image).getEstimate());
  }
}
