package com.pulse.domain.telemetry.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.junit.jupiter.api.Test;

class UserSketchesTest {
  /** Stored users: none, a LIST-mode few, a SET-mode some, an HLL-mode many. */
  private static final int[] STORED = {0, 3, 300, 6_000};
  /** A window's users: none, LIST, SET, HLL within the buffer, and more than the buffer holds (folded into a sketch). */
  private static final int[] OFFERED = {0, 1, 7, 40, 500, 2_048, 5_000};

  /** {@code users} hashes, half of them shared with a window of {@code seed - 1} users' seed, the rest new. */
  private static long[] users(int users, long seed) {
    SplittableRandom shared = new SplittableRandom(42);
    SplittableRandom own = new SplittableRandom(seed);
    long[] hashes = new long[users];
    for (int i = 0; i < users; i++) {
      hashes[i] = i % 2 == 0 ? shared.nextLong() : own.nextLong();
    }
    return hashes;
  }

  /** A window that folded one request per user, each user twice. */
  private static WindowAccumulator window(long[] users) {
    WindowAccumulator w = new WindowAccumulator("contoso", "checkout", null, "GET /a", Granularity.HOUR, 0L, 0);
    for (int round = 0; round < 2; round++) {
      for (long h : users) {
        w.add(1.0, 0, false, false, true, h, 1);
      }
    }
    return w;
  }

  /** The reference: DataSketches' own union of a stored image and a sketch of the window's users. */
  private static UserSketches.Merged libraryUnion(byte[] image, HllSketch users) {
    if (image.length == 0 && (users == null || users.isEmpty())) {
      return new UserSketches.Merged(image, 0, null); // both empty: an empty image, as UserSketches.Merged says
    }
    Union union = new Union(UserSketches.LG_K);
    if (image.length > 0) {
      union.update(HllSketch.heapify(image));
    }
    if (users != null) {
      union.update(users);
    }
    HllSketch result = union.getResult(TgtHllType.HLL_8);
    return new UserSketches.Merged(result.toCompactByteArray(), Math.round(result.getCompositeEstimate()), result);
  }

  private static byte[] storedImage(int users) {
    if (users == 0) {
      return new byte[0];
    }
    HllSketch sketch = UserSketches.newSketch();
    for (long h : users(users, 7)) {
      sketch.update(h);
    }
    return libraryUnion(new byte[0], sketch).image();
  }

  /**
   * What a compact image holds, whatever order its coupons were inserted in: its mode (LIST, SET,
   * HLL) and, for LIST and SET, its coupons sorted; for HLL its registers. The header's HIP
   * accumulator, which depends on that order and which no estimate here uses, is left out.
   * Layout: https://datasketches.apache.org/docs/HLL/HllSketchFormat.html (preamble ints in byte 0,
   * mode in the low bits of byte 7, little-endian 4-byte coupons).
   */
  private static String content(byte[] image) {
    if (image.length == 0) {
      return "empty";
    }
    int mode = image[7] & 3;
    int payload = (image[0] & 0x3F) * 4;
    if (mode == 2) {
      return "HLL " + Arrays.toString(Arrays.copyOfRange(image, payload, image.length));
    }
    ByteBuffer coupons = ByteBuffer.wrap(image, payload, image.length - payload).order(ByteOrder.LITTLE_ENDIAN);
    int[] sorted = new int[(image.length - payload) / 4];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = coupons.getInt();
    }
    Arrays.sort(sorted);
    return (mode == 0 ? "LIST " : "SET ") + Arrays.toString(sorted);
  }

  @Test
  void aWindowsUsersOfferedStraightToTheUnionGiveWhatItsSketchGives() {
    for (int stored : STORED) {
      byte[] image = storedImage(stored);
      HllSketch kept = image.length == 0 ? null : HllSketch.heapify(image);
      for (int offered : OFFERED) {
        long[] users = users(offered, offered + 1);

        UserSketches.Merged throughSketch = libraryUnion(image, window(users).users());
        UserSketches.Merged straight = UserSketches.union(image, null, window(users));
        UserSketches.Merged straightOntoKept = UserSketches.union(image, kept, window(users));

        String what = stored + " stored, " + offered + " offered";
        assertThat(content(straight.image())).as(what).isEqualTo(content(throughSketch.image()));
        assertThat(straight.estimate()).as(what).isEqualTo(throughSketch.estimate());
        assertThat(content(straightOntoKept.image())).as(what).isEqualTo(content(throughSketch.image()));
        assertThat(straightOntoKept.estimate()).as(what).isEqualTo(throughSketch.estimate());
      }
    }
  }

  @Test
  void offeringAWindowsUsersLeavesThemForTheNextMergeAndForItsSketch() {
    long[] users = users(5_000, 3);
    WindowAccumulator w = window(users);
    byte[] image = storedImage(300);

    UserSketches.Merged first = UserSketches.union(image, null, w);
    UserSketches.Merged again = UserSketches.union(image, null, w); // as after an ETag conflict

    assertThat(again.image()).isEqualTo(first.image());
    assertThat(w.users().getCompositeEstimate()).isEqualTo(window(users).users().getCompositeEstimate());
  }

  @Test
  void theEstimateOfEverySparseCountIsTheLibrarysWhicheverUsersMadeIt() {
    // two streams of different users: the estimates the first one leaves kept must be the library's for the second
    for (long seed : new long[] {1, 2}) {
      SplittableRandom random = new SplittableRandom(seed);
      WindowAccumulator users = window(new long[0]);
      for (int n = 1; n <= 4_000; n++) { // past the last sparse count (SET turns to HLL at 3/4 of 4,096)
        users.add(1.0, 0, false, false, true, random.nextLong(), n);
        UserSketches.Merged merged = UserSketches.union(new byte[0], null, users);
        assertThat(merged.estimate()).as("stream %d, %d users", seed, n)
            .isEqualTo(Math.round(merged.sketch().getCompositeEstimate()));
      }
    }
  }

  @Test
  void aWindowWithoutUsersLeavesAnEmptyImageEmpty() {
    WindowAccumulator w = window(new long[0]);
    w.add(1.0, 0, false, false, false, 0L, 2);

    UserSketches.Merged merged = UserSketches.union(new byte[0], null, w);

    assertThat(merged.image()).isEmpty();
    assertThat(merged.estimate()).isZero();
    assertThat(merged.sketch()).isNull();
  }
}
