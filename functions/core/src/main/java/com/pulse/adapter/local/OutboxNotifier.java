package com.pulse.adapter.local;

import com.pulse.app.port.Notifier;
import com.pulse.domain.notify.DigestEmail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Objects;

/**
 * Local {@link Notifier}: writes each digest to a directory (by default {@code .pulse/outbox/}) as
 * {@code <runAt>-<recipient>.eml}, a MIME {@code multipart/alternative} message with the text and
 * HTML parts (RFC 5322 headers, RFC 2046 section 5.1.4, bodies base64 per RFC 2045), which any mail
 * client opens, and the HTML part alone as {@code .html} for a browser. Thread-safe (one file per
 * call; the same run and recipient overwrites).
 */
public final class OutboxNotifier implements Notifier {
  /** The default outbox, relative to the working directory. */
  public static final Path DEFAULT_DIRECTORY = Path.of(".pulse", "outbox");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final Path directory;
  private final String sender;

  /**
   * @param directory where to write (created if missing)
   * @param sender the From address written into the messages
   * @throws NullPointerException if an argument is null
   */
  public OutboxNotifier(Path directory, String sender) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.sender = Objects.requireNonNull(sender, "sender");
  }

  /** @throws UncheckedIOException if the files cannot be written */
  @Override
  public void send(DigestEmail email) {
    String base = STAMP.format(email.composedAt()) + "-" + email.recipient().replaceAll("[^A-Za-z0-9@._-]", "_");
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(base + ".eml"), mime(email), StandardCharsets.US_ASCII);
      Files.writeString(directory.resolve(base + ".html"), email.html(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write digest for " + email.recipient() + " to " + directory, e);
    }
  }

  private String mime(DigestEmail email) {
    String boundary = "pulse-" + Integer.toHexString(email.hashCode());
    Base64.Encoder b64 = Base64.getMimeEncoder();
    return "From: " + sender + "\r\n"
        + "To: " + email.recipient() + "\r\n"
        + "Subject: " + email.subject() + "\r\n"
        + "Date: " + RFC_5322.format(email.composedAt()) + "\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64.encodeToString(email.text().getBytes(StandardCharsets.UTF_8)) + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64.encodeToString(email.html().getBytes(StandardCharsets.UTF_8)) + "\r\n"
        + "--" + boundary + "--\r\n";
  }
}
