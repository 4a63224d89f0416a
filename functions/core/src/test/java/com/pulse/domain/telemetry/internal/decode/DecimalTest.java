package com.pulse.domain.telemetry.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalTest {
  private static double parse(String s) {
    return Decimal.parse(s.toCharArray(), 0, s.length());
  }

  @Test
  void equalsDoubleParseDoubleOnRandomDecimals() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double v = Math.exp(random.nextDouble(-10, 15));
      String s = String.format(Locale.ROOT, "%." + random.nextInt(0, 9) + "f", v);
      double fast = parse(s);
      if (!Double.isNaN(fast)) {
        assertThat(fast).as(s).isEqualTo(Double.parseDouble(s));
      }
    }
  }

  @Test
  void handlesPlainForms() {
    assertThat(parse("12")).isEqualTo(12.0);
    assertThat(parse("12.345")).isEqualTo(12.345);
    assertThat(parse("-0.5")).isEqualTo(-0.5);
    assertThat(parse("0.1")).isEqualTo(0.1);
  }

  @Test
  void leavesOtherFormsToTheFallback() {
    assertThat(parse("1e3")).isNaN();
    assertThat(parse("1234567890.1234567")).isNaN();
    assertThat(parse("")).isNaN();
    assertThat(parse("-")).isNaN();
    assertThat(parse("1.2.3")).isNaN();
  }
}
