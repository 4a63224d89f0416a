package com.pulse.domain.telemetry.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {
  private final IsoInstant instants = new IsoInstant();

  private long parse(String text) {
    byte[] padded = ("xx" + text + "yy").getBytes(StandardCharsets.US_ASCII);
    long fromBytes = instants.parseEpochMillis(padded, 2, text.length());
    long fromChars = instants.parseEpochMillis(("x" + text).toCharArray(), 1, text.length());
    assertThat(fromChars).as(text).isEqualTo(fromBytes);
    return fromBytes;
  }

  private static long expected(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
  }

  @Test
  void agreesWithTheJdkOnRandomDateTimesOffsetsAndFractions() {
    SplittableRandom random = new SplittableRandom(7);
    String[] fractions = {"", ".1", ".12", ".123", ".1234", ".123456789"};
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-2_000_000_000L, 8_000_000_000L);
      int offsetMinutes = random.nextInt(3) == 0 ? 0 : random.nextInt(-18 * 60, 18 * 60 + 1);
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
      String local = OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), offset)
          .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
      String text = local + fractions[random.nextInt(fractions.length)]
          + (offsetMinutes == 0 && random.nextBoolean() ? "Z" : offset.getId().equals("Z") ? "+00:00" : offset.getId());
      assertThat(parse(text)).as(text).isEqualTo(expected(text));
    }
  }

  @Test
  void aRememberedMinuteServesOnlyTheSameMinuteAndOffsetsStillApply() {
    String[] sequence = {
      "2026-11-21T05:41:37.123Z", "2026-11-21T05:41:59.999Z", "2026-11-21T05:41:00+01:00",
      "2026-11-21T05:42:00Z", "2026-11-21T05:41:01-02:30", "2026-12-21T05:41:01Z", "2025-11-21T05:41:01Z",
      "2026-11-21T05:41:01.5Z",
    };
    for (String text : sequence) {
      assertThat(parse(text)).as(text).isEqualTo(expected(text));
    }
  }

  @Test
  void invalidTextAfterAValidMinuteIsStillRejected() {
    parse("2026-11-21T05:41:37Z");

    assertThatThrownBy(() -> parse("2026-11-21T05:41:60Z")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("2026-11-21T05:41:37")).hasMessageContaining("with offset");
    assertThatThrownBy(() -> parse("2026-02-30T05:41:37Z")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("2026-11-21T05:41:37.1234567890Z")).isInstanceOf(IllegalArgumentException.class);
    assertThat(parse("2026-11-21T05:41:37Z")).isEqualTo(expected("2026-11-21T05:41:37Z"));
  }

  @Test
  void acceptsShapesOutsideTheFastPathThroughTheJdk() {
    for (String text : new String[] {"2026-11-21T05:41Z", "2026-11-21t05:41:37z", "+12026-11-21T05:41:37Z"}) {
      assertThat(parse(text)).as(text).isEqualTo(expected(text));
    }
  }
}
