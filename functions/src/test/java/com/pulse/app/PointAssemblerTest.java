package com.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PointAssemblerTest {
  @Test
  void decimalFastPathGivesExactlyDoubleValue() {
    Random random = new Random(11);
    for (int i = 0; i < 200_000; i++) {
      int bits = 1 + random.nextInt(i % 10 == 0 ? 120 : 56); // mostly around the 2^53 limit, some far above
      BigInteger unscaled = new BigInteger(bits, random);
      if (random.nextBoolean()) {
        unscaled = unscaled.negate();
      }
      int scale = random.nextInt(30) - 4; // negative scales and scales above 22 take the slow path
      BigDecimal value = new BigDecimal(unscaled, scale);
      assertThat(Double.doubleToRawLongBits(PointAssembler.toDouble(value)))
          .as("%s", value)
          .isEqualTo(Double.doubleToRawLongBits(value.doubleValue()));
    }
  }

  @Test
  void otherNumbersAreTheirDoubleValue() {
    assertThat(PointAssembler.toDouble(42L)).isEqualTo(42.0);
    assertThat(PointAssembler.toDouble(0.1)).isEqualTo(0.1);
    assertThat(PointAssembler.toDouble(new BigDecimal("12345.6789"))).isEqualTo(12345.6789);
    assertThat(PointAssembler.toDouble(new BigDecimal("-0.00"))).isEqualTo(0.0);
    assertThat(PointAssembler.toDouble(BigInteger.TEN.pow(30))).isEqualTo(1e30);
  }
}
