package com.pulse.domain.telemetry.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StringCacheTest {
  private final StringCache cache = new StringCache(8);

  @Test
  void returnsTheSameInstanceForEqualText() {
    char[] chars = "xxcontosoyy".toCharArray();
    byte[] bytes = "xxcontosoyy".getBytes(StandardCharsets.UTF_8);

    String first = cache.get(chars, 2, 7);

    assertThat(first).isEqualTo("contoso");
    assertThat(cache.get("contoso".toCharArray(), 0, 7)).isSameAs(first);
    String fromBytes = cache.get(bytes, 2, 7);
    assertThat(fromBytes).isEqualTo("contoso");
    assertThat(cache.get(bytes, 2, 7)).isSameAs(fromBytes);
  }

  @Test
  void staysCorrectWhenSlotsCollide() {
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 100; i++) {
        String s = "user-" + i;
        assertThat(cache.get(s.toCharArray(), 0, s.length())).isEqualTo(s);
        byte[] utf8 = ("ü-" + i).getBytes(StandardCharsets.UTF_8);
        assertThat(cache.get(utf8, 0, utf8.length)).isEqualTo("ü-" + i);
      }
    }
  }

  @Test
  void decodesLongTextWithoutCaching() {
    String longText = "x".repeat(500);
    assertThat(cache.get(longText.toCharArray(), 0, 500)).isEqualTo(longText);
  }

  @Test
  void capacityMustBeAPowerOfTwo() {
    assertThatThrownBy(() -> new StringCache(12)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power of two");
  }
}
