package com.pulse.domain.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link IsoInstants#format} is {@link Instant#toString()}, character for character. */
class IsoInstantsTest {
  private static final int[] NANOS = {0, 1, 999, 1_000, 999_999, 1_000_000, 120_000_000, 123_000_000, 123_456_000,
      123_456_789, 999_999_999, 100_000, 10};

  @Test
  void formatsLikeInstantToStringAtEdges() {
    String[] edges = {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999999999Z", "0000-02-29T12:00:00Z", "2000-02-29T23:59:59Z", "2024-02-29T00:00:00.001Z",
        "1900-02-28T23:59:59Z", "1900-03-01T00:00:00Z", "2100-03-01T00:00:00Z", "2026-12-31T23:59:59.5Z",
        "2027-01-01T00:00:00Z", "1999-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z", "0999-06-15T08:09:10.000100Z"};
    for (String edge : edges) {
      Instant instant = Instant.parse(edge);
      for (int nano : NANOS) {
        assertSame(instant.plusNanos(nano));
        assertSame(instant.minusNanos(nano));
      }
    }
    for (long second : new long[] {IsoInstants.MIN_SECOND, IsoInstants.MAX_SECOND, 0, -1}) {
      for (long delta = -2; delta <= 2; delta++) {
        for (int nano : NANOS) {
          assertSame(Instant.ofEpochSecond(second + delta, nano));
        }
      }
    }
    assertSame(Instant.MIN);
    assertSame(Instant.MAX);
    assertSame(Instant.EPOCH);
    assertThat(IsoInstants.format(Instant.parse("2026-11-21T06:00:00.120Z"))).isEqualTo("2026-11-21T06:00:00.120Z");
  }

  @Test
  void formatsLikeInstantToStringForRandomInstants() {
    SplittableRandom random = new SplittableRandom(20261121);
    long span = IsoInstants.MAX_SECOND - IsoInstants.MIN_SECOND;
    for (int i = 0; i < 200_000; i++) {
      long second = IsoInstants.MIN_SECOND - span / 10 + random.nextLong(span + span / 5);
      int nano = random.nextInt(1_000_000_000);
      nano = switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> nano / 1_000_000 * 1_000_000;
        case 2 -> nano / 1_000 * 1_000;
        default -> nano;
      };
      assertSame(Instant.ofEpochSecond(second, nano));
    }
  }

  @Test
  void formatsLikeInstantToStringAroundNow() {
    SplittableRandom random = new SplittableRandom(7);
    long base = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 100_000; i++) {
      assertSame(Instant.ofEpochMilli(base + random.nextLong(5L * 365 * 86_400_000)));
    }
  }

  private static void assertSame(Instant instant) {
    assertThat(IsoInstants.format(instant)).as("epoch second %d nano %d", instant.getEpochSecond(), instant.getNano())
        .isEqualTo(instant.toString());
  }
}
