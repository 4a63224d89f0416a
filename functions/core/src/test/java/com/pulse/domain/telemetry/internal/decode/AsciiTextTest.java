package com.pulse.domain.telemetry.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.aggregate.UserSketches;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AsciiTextTest {
  private static final byte[] BODY = "{\"userId\":\"user-000042\"}".getBytes(StandardCharsets.US_ASCII);

  @Test
  void readsTheRangeAsCharacters() {
    AsciiText text = new AsciiText().set(BODY, 11, 11);

    assertThat(text.length()).isEqualTo(11);
    assertThat(text.charAt(0)).isEqualTo('u');
    assertThat(text.charAt(10)).isEqualTo('2');
    assertThat(text.toString()).isEqualTo("user-000042");
    assertThat(text.subSequence(5, 11).toString()).isEqualTo("000042");
    assertThatThrownBy(() -> text.charAt(11)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> text.charAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void hashesAsTheEqualString() {
    // the fold hashes whatever it is given: a view and a string of the same id must count as one user
    AsciiText text = new AsciiText();
    for (String id : new String[] {"", "u", "user-000042", "alice@example.com", "a".repeat(300)}) {
      byte[] bytes = ("\"" + id + "\"").getBytes(StandardCharsets.US_ASCII);
      assertThat(UserSketches.hash64(text.set(bytes, 1, id.length()))).as(id).isEqualTo(UserSketches.hash64(id));
    }
  }

  @Test
  void tellsAsciiFromOtherBytes() {
    byte[] mixed = "ab\u00fccd".getBytes(StandardCharsets.UTF_8); // ü is two bytes, both >= 0x80

    assertThat(AsciiText.isAscii(mixed, 0, 2)).isTrue();
    assertThat(AsciiText.isAscii(mixed, 0, mixed.length)).isFalse();
    assertThat(AsciiText.isAscii(mixed, 2, 1)).isFalse();
    assertThat(AsciiText.isAscii(mixed, 4, 2)).isTrue();
    assertThat(AsciiText.isAscii(mixed, 0, 0)).isTrue();
  }
}
