package com.pulse.domain.telemetry.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.util.Arrays;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;

/**
 * The in-memory delta of one window document within one batch: one (tenant, service, dependency
 * (null for requests), operation, granularity, window start). Counts, latency sum, a DDSketch (its
 * first {@value #BIN_BUFFER} bins held as a plain list until the sketch is needed: a batch's delta
 * usually has a few requests, and a sketch's dense store grows by allocating) and a buffer of distinct user-id
 * hashes (de-duplicated when full) that is offered at write time, once per distinct user, to the
 * union that holds the stored users ({@link #offerUsersTo}; {@link #users()} folds it into a sketch
 * instead), or folded into an HLL sketch when it exceeds {@value #MAX_USER_BUFFER} entries. So
 * the per-request path ({@link #add}) does not allocate once the sketch store and buffer have grown.
 * Also records the lowest and highest sequence number folded in.
 *
 * <p>Memory: the latency sketch (≤ 8 KiB, see {@link LatencySketches}; before it is built, up to
 * 512 bytes of held bins, 4 bytes per value rounded up to a power of two from 32 bytes), the HLL (≤ 4 KiB, see
 * {@link UserSketches}), the user-hash buffer (8 bytes per distinct user of the batch, ≤ 32 KiB) and
 * ~150 bytes of fields: ≤ 44.2 KiB per active window, independent of the number of events; the
 * persisted state is the two sketches (≤ 12 KiB). Not thread-safe.
 */
public final class WindowAccumulator {
  static final int MAX_USER_BUFFER = 4096;
  /** Merge target of {@link #compactUsers}: one per thread, as long as the largest buffer. */
  private static final ThreadLocal<long[]> MERGE_SCRATCH = ThreadLocal.withInitial(() -> new long[MAX_USER_BUFFER]);
  /**
   * Positive-store bins held before the latency sketch is built. At 1,000 series per partition a
   * minute window folds ~30 requests; holding up to 128 as bins, instead of building a dense store
   * (an array of ~200 doubles for a realistic spread) at the 33rd, made decode + fold 1.04–1.11 ×
   * and OTLP protobuf's held path 1.10 × faster (docs/PERFORMANCE.md).
   */
  static final int BIN_BUFFER = 128;
  /** The held-bins array's first length; it doubles up to {@link #BIN_BUFFER}. */
  private static final int FIRST_BINS = 8;

  private final String tenantId;
  private final String service;
  private final String operation;
  private final String dependency;
  private final Granularity granularity;
  private final long windowStartMillis;
  final int hash;
  /** Null until a value needs it or {@link #latency()} is asked for; then it holds every value. */
  private DDSketch latency;
  private int[] bins;
  private int binCount;
  private long count;
  private long errorCount;
  private long lateCount;
  private double latencySumMs;
  private long[] userHashes;
  private int userHashCount;
  /** Length of the sorted, distinct prefix of {@link #userHashes} (what the last compaction left). */
  private int sortedUserCount;
  private HllSketch users;
  private long minSequenceNumber = Long.MAX_VALUE;
  private long maxSequenceNumber = Long.MIN_VALUE;

  WindowAccumulator(String tenantId, String service, String dependency, String operation, Granularity granularity,
      long windowStartMillis, int hash) {
    this.tenantId = tenantId;
    this.service = service;
    this.dependency = dependency;
    this.operation = operation;
    this.granularity = granularity;
    this.windowStartMillis = windowStartMillis;
    this.hash = hash;
  }

  boolean matches(int h, String tenant, String svc, String dep, String op, long start) {
    return hash == h && windowStartMillis == start && tenantId.equals(tenant) && service.equals(svc) && operation.equals(op)
        && java.util.Objects.equals(dependency, dep);
  }

  void add(double durationMs, int binIndex, boolean error, boolean late, boolean hasUser, long userHash, long sequenceNumber) {
    count++;
    if (error) {
      errorCount++;
    }
    if (late) {
      lateCount++;
    }
    latencySumMs += durationMs;
    if (binIndex == LatencySketches.NO_BIN) {
      latency().accept(durationMs);
    } else if (latency == null && binCount < BIN_BUFFER) {
      if (bins == null) {
        bins = new int[FIRST_BINS];
      } else if (binCount == bins.length) {
        bins = Arrays.copyOf(bins, bins.length * 2);
      }
      bins[binCount++] = binIndex;
    } else {
      latency().getPositiveValueStore().add(binIndex);
    }
    if (hasUser) {
      if (userHashes == null) {
        userHashes = new long[64];
      } else if (userHashCount == userHashes.length) {
        makeRoomForUsers();
      }
      userHashes[userHashCount++] = userHash;
    }
    if (sequenceNumber < minSequenceNumber) {
      minSequenceNumber = sequenceNumber;
    }
    if (sequenceNumber > maxSequenceNumber) {
      maxSequenceNumber = sequenceNumber;
    }
  }

  /**
   * The buffer is full: de-duplicate it ({@link #compactUsers}); if it is still more than 3/4 full,
   * double it up to {@value #MAX_USER_BUFFER} entries, and only at that size fold it into the HLL.
   * (DataSketches allocates a small hash array per HLL update, so HLL updates are kept out of the
   * per-request path; {@link #compactUsers} does not allocate.)
   */
  private void makeRoomForUsers() {
    compactUsers();
    if (userHashCount * 4 > userHashes.length * 3) {
      if (userHashes.length < MAX_USER_BUFFER) {
        userHashes = Arrays.copyOf(userHashes, userHashes.length * 2);
      } else {
        flushUsers();
      }
    }
  }

  /**
   * Sorts and de-duplicates the buffer: only the hashes added since the last compaction are sorted
   * ({@code Arrays.sort}, whose dual-pivot quicksort allocates nothing on a range that does not
   * open with a run of 16 ordered values, which random hashes do not), then merged with the sorted,
   * distinct prefix through a per-thread scratch array. The prefix is not sorted again, as a whole
   * sort of the buffer would (and the JDK's sort would allocate a run array for it).
   */
  private void compactUsers() {
    int n = userHashCount;
    int sorted = sortedUserCount;
    if (n == sorted) {
      return;
    }
    long[] a = userHashes;
    if (n - sorted > 1) {
      Arrays.sort(a, sorted, n);
    }
    int unique;
    if (sorted == 0) {
      unique = 1;
      for (int i = 1; i < n; i++) {
        if (a[i] != a[unique - 1]) {
          a[unique++] = a[i];
        }
      }
    } else {
      long[] out = MERGE_SCRATCH.get();
      unique = 0;
      int i = 0;
      int j = sorted;
      while (i < sorted || j < n) {
        long v = j >= n || i < sorted && a[i] <= a[j] ? a[i++] : a[j++];
        if (unique == 0 || v != out[unique - 1]) {
          out[unique++] = v;
        }
      }
      System.arraycopy(out, 0, a, 0, unique);
    }
    userHashCount = unique;
    sortedUserCount = unique;
  }

  private void flushUsers() {
    if (userHashCount == 0) {
      return;
    }
    compactUsers();
    if (users == null) {
      users = UserSketches.newSketch();
    }
    for (int i = 0; i < userHashCount; i++) {
      users.update(userHashes[i]);
    }
    userHashCount = 0;
    sortedUserCount = 0;
  }

  /** Tenant id. */
  public String tenantId() {
    return tenantId;
  }

  /** Service name. */
  public String service() {
    return service;
  }

  /**
   * What a dependency window's calls went to (e.g. {@code postgresql/orders}); null for a request
   * window. Request and dependency windows never share an accumulator.
   */
  public String dependency() {
    return dependency;
  }

  /** Operation / route. */
  public String operation() {
    return operation;
  }

  /** Window size. */
  public Granularity granularity() {
    return granularity;
  }

  /** Inclusive window start, epoch ms. */
  public long windowStartMillis() {
    return windowStartMillis;
  }

  /** Requests folded in. */
  public long count() {
    return count;
  }

  /** Failed requests folded in. */
  public long errorCount() {
    return errorCount;
  }

  /** Requests folded in while their window was behind the watermark. */
  public long lateCount() {
    return lateCount;
  }

  /** Sum of latencies, ms. */
  public double latencySumMs() {
    return latencySumMs;
  }

  /** The latency sketch, built from the held bins on first use (live; do not modify). */
  public DDSketch latency() {
    if (latency == null) {
      latency = LatencySketches.newSketch();
      for (int i = 0; i < binCount; i++) {
        latency.getPositiveValueStore().add(bins[i]);
      }
      binCount = 0;
      bins = null;
    }
    return latency;
  }

  /** The latency sketch if it was built, else null: then every value is in {@link #heldBins}. */
  DDSketch latencyIfBuilt() {
    return latency;
  }

  /**
   * The positive-store bins held while the sketch is not built, in arrival order: the first
   * {@link #heldBinCount} entries (null once the sketch is built).
   */
  int[] heldBins() {
    return bins;
  }

  /** How many of {@link #heldBins} are held. */
  int heldBinCount() {
    return binCount;
  }

  /** The distinct-user sketch after folding in buffered users, or null if no request had a user. */
  public HllSketch users() {
    flushUsers();
    return users;
  }

  /** Whether a request of this window had a user. */
  boolean hasUsers() {
    return users != null || userHashCount > 0;
  }

  /**
   * Offers this window's users to {@code union}: the sketch a full buffer was folded into, if any,
   * then each distinct buffered hash, as {@link #users()} would offer them to its sketch. So a merge
   * inserts each user's coupon once, into the union that holds the stored users, instead of into a
   * sketch of this window's that the union then takes coupon by coupon (or register by register).
   * Leaves what {@link #users()} returns unchanged, so a merge repeated after an ETag conflict offers
   * the same users.
   */
  void offerUsersTo(Union union) {
    if (users != null) {
      union.update(users);
    }
    if (userHashCount > 0) {
      compactUsers();
      for (int i = 0; i < userHashCount; i++) {
        union.update(userHashes[i]);
      }
    }
  }

  /** Lowest sequence number folded in ({@code Long.MAX_VALUE} if none). */
  public long minSequenceNumber() {
    return minSequenceNumber;
  }

  /** Highest sequence number folded in ({@code Long.MIN_VALUE} if none). */
  public long maxSequenceNumber() {
    return maxSequenceNumber;
  }
}
