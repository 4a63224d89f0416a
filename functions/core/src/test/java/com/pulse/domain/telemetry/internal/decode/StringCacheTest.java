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
  void decodesAsciiAndMultiByteUtf8AndRejectsMalformedBytes() {
    byte[] ascii = "acme-01".getBytes(StandardCharsets.US_ASCII);
    byte[] multiByte = "zürich-✓-😀".getBytes(StandardCharsets.UTF_8);
    byte[] loneSurrogate = {0x61, 0x63, 0x6d, 0x65, (byte) 0xed, (byte) 0xa0, (byte) 0x80};
    byte[] truncated = {0x61, (byte) 0xc3};

    assertThat(cache.get(ascii, 0, ascii.length)).isEqualTo("acme-01");
    assertThat(cache.get(multiByte, 0, multiByte.length)).isEqualTo("zürich-✓-😀");
    assertThatThrownBy(() -> cache.get(loneSurrogate, 0, loneSurrogate.length))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid UTF-8");
    assertThatThrownBy(() -> cache.get(truncated, 0, truncated.length))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid UTF-8");
    String longAscii = "y".repeat(300);
    assertThat(cache.get(longAscii.getBytes(StandardCharsets.US_ASCII), 0, 300)).isEqualTo(longAscii);
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
