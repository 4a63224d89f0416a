package com.pulse.domain.telemetry.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Base64SpliceTest {
  private static String jdk(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /** {@code previous} changed at a few random places, possibly with bytes inserted or removed. */
  private static byte[] mutate(byte[] previous, SplittableRandom r) {
    byte[] next = previous.clone();
    int edits = r.nextInt(0, 12);
    for (int i = 0; i < edits && next.length > 0; i++) {
      next[r.nextInt(next.length)] ^= (byte) r.nextInt(1, 256);
    }
    switch (r.nextInt(4)) {
      case 0: { // insert
        int at = r.nextInt(next.length + 1);
        byte[] grown = new byte[next.length + r.nextInt(1, 10)];
        System.arraycopy(next, 0, grown, 0, at);
        System.arraycopy(next, at, grown, grown.length - (next.length - at), next.length - at);
        for (int j = at; j < at + grown.length - next.length; j++) {
          grown[j] = (byte) r.nextInt(256);
        }
        return grown;
      }
      case 1: // remove from the end or the middle
        if (next.length > 0) {
          int at = r.nextInt(next.length);
          int n = r.nextInt(1, Math.min(10, next.length - at) + 1);
          byte[] shrunk = new byte[next.length - n];
          System.arraycopy(next, 0, shrunk, 0, at);
          System.arraycopy(next, at + n, shrunk, at, next.length - at - n);
          return shrunk;
        }
        return next;
      default: // same length
        return next;
    }
  }

  @Test
  void givesTheJdksTextForEveryMutationAndLength() {
    SplittableRandom r = new SplittableRandom(14);
    for (int i = 0; i < 20_000; i++) {
      byte[] previous = new byte[r.nextInt(0, i % 10 == 0 ? 6_000 : 40)];
      r.nextBytes(previous);
      byte[] image = mutate(previous, r);
      assertThat(Base64Splice.encode(image, previous, jdk(previous)))
          .as("previous %s, image %s", Arrays.toString(previous), Arrays.toString(image))
          .isEqualTo(jdk(image));
    }
  }

  @Test
  void changesInAdjacentAndLastGroupsAndIdenticalArrays() {
    byte[] previous = new byte[301];
    new SplittableRandom(3).nextBytes(previous);
    assertThat(Base64Splice.encode(previous.clone(), previous, jdk(previous))).isEqualTo(jdk(previous));
    byte[] image = previous.clone();
    for (int at : new int[] {0, 1, 2, 3, 4, 5, 150, 297, 298, 299, 300}) { // a run of changed groups, then the tail
      image[at]++;
    }
    assertThat(Base64Splice.encode(image, previous, jdk(previous))).isEqualTo(jdk(image));
    assertThat(Base64Splice.encode(new byte[0], previous, jdk(previous))).isEmpty();
    assertThat(Base64Splice.encode(image, new byte[0], "")).isEqualTo(jdk(image));
  }

  @Test
  void aTextOfAnotherLengthIsNotUsed() {
    byte[] previous = {1, 2, 3, 4, 5, 6};
    byte[] image = {1, 2, 3, 4, 5, 7};
    assertThat(Base64Splice.encode(image, previous, "not the text")).isEqualTo(jdk(image));
  }
}
