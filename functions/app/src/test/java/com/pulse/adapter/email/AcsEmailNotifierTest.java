package com.pulse.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.communication.email.EmailClient;
import com.azure.communication.email.models.EmailMessage;
import com.azure.communication.email.models.EmailSendResult;
import com.azure.communication.email.models.EmailSendStatus;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import com.azure.core.models.ResponseError;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.pulse.app.port.DependencyException;
import com.pulse.domain.notify.DigestEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AcsEmailNotifierTest {
  private static final DigestEmail EMAIL = new DigestEmail("ana@example.com", "Pulse digest: 1 new",
      "text body", "<p>html body</p>", List.of(), Instant.parse("2026-11-21T06:00:00Z"));
  private final EmailClient client = mock(EmailClient.class);
  private final AcsEmailNotifier notifier =
      new AcsEmailNotifier(client, "pulse@notify.example.com", Duration.ofSeconds(30));

  @SuppressWarnings("unchecked")
  private void pollerEnds(LongRunningOperationStatus status, EmailSendResult result) {
    SyncPoller<EmailSendResult, EmailSendResult> poller = mock(SyncPoller.class);
    when(poller.waitForCompletion(Duration.ofSeconds(30))).thenReturn(new PollResponse<>(status, result));
    when(client.beginSend(any(EmailMessage.class))).thenReturn(poller);
  }

  /** The service answers {@code beginSend} with HTTP {@code status}. */
  private void sendFailsWithStatus(int status, String message) {
    HttpResponse response = mock(HttpResponse.class);
    when(response.getStatusCode()).thenReturn(status);
    when(client.beginSend(any(EmailMessage.class))).thenThrow(new HttpResponseException(message, response));
  }

  @Test
  void sendsTextAndHtmlFromTheSenderToTheRecipient() {
    pollerEnds(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED,
        new EmailSendResult("op-1", EmailSendStatus.SUCCEEDED, null));

    notifier.send(EMAIL);

    ArgumentCaptor<EmailMessage> sent = ArgumentCaptor.forClass(EmailMessage.class);
    org.mockito.Mockito.verify(client).beginSend(sent.capture());
    EmailMessage m = sent.getValue();
    assertThat(m.getSenderAddress()).isEqualTo("pulse@notify.example.com");
    assertThat(m.getToRecipients()).extracting(a -> a.getAddress()).containsExactly("ana@example.com");
    assertThat(m.getSubject()).isEqualTo("Pulse digest: 1 new");
    assertThat(m.getBodyPlainText()).isEqualTo("text body");
    assertThat(m.getBodyHtml()).isEqualTo("<p>html body</p>");
  }

  @Test
  void pollerEndingFailedIsSurfacedWithTheServiceError() {
    pollerEnds(LongRunningOperationStatus.FAILED, new EmailSendResult("op-2", EmailSendStatus.FAILED,
        new ResponseError("EmailDroppedAllRecipientsSuppressed", "all recipients suppressed")));

    assertThatThrownBy(() -> notifier.send(EMAIL)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ana@example.com").hasMessageContaining("op-2")
        .hasMessageContaining("EmailDroppedAllRecipientsSuppressed");
  }

  @Test
  void throttlingIsADependencyFailure() {
    sendFailsWithStatus(429, "Too many requests");

    assertThatThrownBy(() -> notifier.send(EMAIL))
        .isInstanceOfSatisfying(DependencyException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
  }

  @Test
  @SuppressWarnings("unchecked")
  void pollingTimeoutIsADependencyFailure() {
    SyncPoller<EmailSendResult, EmailSendResult> poller = mock(SyncPoller.class);
    when(poller.waitForCompletion(any(Duration.class)))
        .thenThrow(new RuntimeException(new java.util.concurrent.TimeoutException("30 s")));
    when(client.beginSend(any(EmailMessage.class))).thenReturn(poller);

    assertThatThrownBy(() -> notifier.send(EMAIL)).isInstanceOf(DependencyException.class)
        .hasMessageContaining("did not complete within PT30S");
  }

  @Test
  void forbiddenIsAConfigurationError() {
    sendFailsWithStatus(403, "Forbidden");

    assertThatThrownBy(() -> notifier.send(EMAIL)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HTTP 403");
  }
}
