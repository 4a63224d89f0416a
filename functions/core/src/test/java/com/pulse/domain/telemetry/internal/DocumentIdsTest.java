package com.pulse.domain.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DocumentIdsTest {
  /** Chars that make UTF-8 one, two, three and four bytes long, lone surrogates and the separator itself. */
  private static final String[] PIECES = {"a", "Z", "0", "-", "\u001f", "é", "ß", "Ω", "語", "\uFFFD", "😀", "\uD83D",
      "\uDE00", ""};

  private static String randomPart(SplittableRandom random) {
    StringBuilder part = new StringBuilder();
    int pieces = random.nextInt(10) == 0 ? 200 + random.nextInt(200) : random.nextInt(12); // some beyond the buffer
    for (int i = 0; i < pieces; i++) {
      part.append(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : (char) ('a' + random.nextInt(26)));
    }
    return part.toString();
  }

  /** The reference: the JDK's SHA-256 of the string's UTF-8 bytes, first 16 bytes as hex. */
  private static String sha256Hex128(String canonical) throws NoSuchAlgorithmException {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  @Test
  void theFirst128BitsOfSha256AsHex() {
    // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad (FIPS 180-4, B.1)
    assertThat(DocumentIds.hex128("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223");
    assertThat(DocumentIds.hex128Joined("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223");
  }

  @Test
  void joinedPartsHashAsTheirJoinedStringWhateverTheirChars() throws NoSuchAlgorithmException {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      String[] parts = new String[1 + random.nextInt(8)];
      for (int k = 0; k < parts.length; k++) {
        parts[k] = randomPart(random);
      }
      assertThat(DocumentIds.hex128Joined(parts)).as("parts %s", (Object) parts)
          .isEqualTo(sha256Hex128(String.join("\u001f", parts)));
    }
  }

  @Test
  void aSurrogatePairAcrossASeparatorStaysTwoLoneSurrogates() throws NoSuchAlgorithmException {
    String[] parts = {"x\uD83D", "\uDE00y"};
    assertThat(DocumentIds.hex128Joined(parts)).isEqualTo(sha256Hex128("x\uD83D\u001f\uDE00y"));
  }

  @Test
  void aNullPartIsRefused() {
    assertThatThrownBy(() -> DocumentIds.hex128Joined("a", null)).isInstanceOf(NullPointerException.class);
  }
}
