package com.pulse.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.notify.DigestEmail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxNotifierTest {
  @TempDir Path dir;

  @Test
  void writesAMultipartEmlAndTheHtml() throws Exception {
    DigestEmail email = new DigestEmail("ana@example.com", "Pulse digest: 1 new", "Tenant t1 — rate 0.8\n",
        "<p>Tenant t1 — rate 0.8</p>", List.of(), Instant.parse("2026-11-21T06:00:00Z"));

    new OutboxNotifier(dir.resolve("outbox"), "pulse@localhost").send(email);

    Path eml = dir.resolve("outbox/20261121T060000Z-ana@example.com.eml");
    String mime = Files.readString(eml, StandardCharsets.US_ASCII);
    assertThat(mime).startsWith("From: pulse@localhost\r\nTo: ana@example.com\r\nSubject: Pulse digest: 1 new\r\n")
        .contains("Date: Sat, 21 Nov 2026 06:00:00 GMT").contains("Content-Type: multipart/alternative");
    Matcher parts = Pattern.compile("Content-Type: (text/\\w+); charset=utf-8\\r\\nContent-Transfer-Encoding: base64"
        + "\\r\\n\\r\\n([A-Za-z0-9+/=\\r\\n]+?)\\r\\n--").matcher(mime);
    assertThat(parts.find()).isTrue();
    assertThat(parts.group(1)).isEqualTo("text/plain");
    assertThat(new String(Base64.getMimeDecoder().decode(parts.group(2)), StandardCharsets.UTF_8)).isEqualTo(email.text());
    assertThat(parts.find()).isTrue();
    assertThat(new String(Base64.getMimeDecoder().decode(parts.group(2)), StandardCharsets.UTF_8)).isEqualTo(email.html());
    assertThat(Files.readString(dir.resolve("outbox/20261121T060000Z-ana@example.com.html"))).isEqualTo(email.html());
  }
}
