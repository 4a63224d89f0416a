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

  /**
   * Share of the names of one pass over {@code tenants} tenants (5 services and 10 operations each
   * request, as {@code bench.KeyedCorpus}) that a second pass gets as the very same instances.
   */
  private static double keptAcrossPasses(StringCache names, int tenants) {
    java.util.Map<String, String> first = new java.util.HashMap<>();
    int same = 0;
    int asked = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int t = 0; t < tenants; t++) {
        for (String text : new String[] {"tenant-" + t, "service-" + t % 5, "operation-" + t % 10}) {
          String got = names.get(text.toCharArray(), 0, text.length());
          if (pass == 0) {
            first.putIfAbsent(text, got);
          } else {
            asked++;
            same += got == first.get(text) ? 1 : 0;
          }
        }
      }
    }
    return same / (double) asked;
  }

  @Test
  void aNameCacheKeepsThousandsOfTenantsWhereTheOldSizeKeptFewOfThem() {
    double kept = keptAcrossPasses(new StringCache(StringCache.NAME_SLOTS), 2_000);
    double oldSize = keptAcrossPasses(new StringCache(1024), 2_000);

    assertThat(kept).isGreaterThan(0.95);
    assertThat(oldSize).isLessThan(0.6);
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
  void keepsTwoTextsPerSetAndDropsTheOlderOfThemForAThird() {
    StringCache oneSet = new StringCache(2);
    String a = oneSet.get("a".toCharArray(), 0, 1);
    String b = oneSet.get("b".getBytes(StandardCharsets.UTF_8), 0, 1);

    assertThat(oneSet.get("a".toCharArray(), 0, 1)).isSameAs(a);
    assertThat(oneSet.get("b".getBytes(StandardCharsets.UTF_8), 0, 1)).isSameAs(b);

    String c = oneSet.get("c".toCharArray(), 0, 1);

    assertThat(oneSet.get("c".toCharArray(), 0, 1)).isSameAs(c);
    assertThat(oneSet.get("b".getBytes(StandardCharsets.UTF_8), 0, 1)).isSameAs(b);
    assertThat(oneSet.get("a".toCharArray(), 0, 1)).isEqualTo("a").isNotSameAs(a);
  }

  @Test
  void hashesEveryByteOfLongerTexts() {
    StringCache large = new StringCache(1 << 14);
    String[] ids = new String[2_000];
    for (int i = 0; i < ids.length; i++) {
      byte[] utf8 = String.format("user-%06d", i).getBytes(StandardCharsets.UTF_8);
      ids[i] = large.get(utf8, 0, utf8.length);
    }
    int kept = 0;
    for (int i = 0; i < ids.length; i++) {
      byte[] utf8 = String.format("user-%06d", i).getBytes(StandardCharsets.UTF_8);
      kept += large.get(utf8, 0, utf8.length) == ids[i] ? 1 : 0;
    }
    assertThat(kept).as("ids differing only in their last digits spread over the sets").isGreaterThan(1_900);
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
    assertThatThrownBy(() -> new StringCache(1)).isInstanceOf(IllegalArgumentException.class);
  }
}
