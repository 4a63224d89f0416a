package com.pulse.domain.telemetry.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "order 81723 failed: timeout after 30s | order <num> failed: timeout after <id>",
      "order 99 failed: timeout after 5s | order <num> failed: timeout after <id>",
      "user \"bob\" not found in 'eu-west' | user <str> not found in <str>",
      "request 3f2c9a1e-0b4d-4c1e-9a7f-1b2c3d4e5f60 rejected | request <uuid> rejected",
      "commit deadbeef12 at 0x7ffe12 | commit <hex> at <hex>",
      "it's   broken\t\tagain | it's broken again",
      "ERR_42: db 10.0.0.7:5432 down | ERR_<num>: db <num>.<num>.<num>.<num>:<num> down",
  })
  void masksTheVariableParts(String text, String template) {
    assertThat(MessageTemplates.of(text)).isEqualTo(template);
  }

  @Test
  void quotedTextIsMaskedEvenWhenEmpty() {
    assertThat(MessageTemplates.of("key '' and \"  \"")).isEqualTo("key <str> and <str>");
  }

  @Test
  void blankTextHasATemplateToo() {
    assertThat(MessageTemplates.of("")).isEqualTo("(empty)");
    assertThat(MessageTemplates.of(" \n\t")).isEqualTo("(empty)");
  }

  @Test
  void longTextIsCutWithoutSplittingASurrogatePair() {
    String t = MessageTemplates.of("x".repeat(MessageTemplates.MAX_LENGTH - 1) + "😀 and more");
    assertThat(t).hasSize(MessageTemplates.MAX_LENGTH - 1 + 1).endsWith("x…");

    String huge = MessageTemplates.of("word ".repeat(100_000));
    assertThat(huge.length()).isLessThanOrEqualTo(MessageTemplates.MAX_LENGTH + 1);
    assertThat(huge).endsWith("…");
  }

  @Test
  void loneSurrogatesAndControlsNeverReachATemplate() {
    assertThat(MessageTemplates.of("bad \ud800 value\u0000end")).isEqualTo("bad \ufffd value end");
  }
}
