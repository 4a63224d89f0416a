package com.pulse.adapter.email;

import com.azure.communication.email.EmailClient;
import com.azure.communication.email.EmailClientBuilder;
import com.azure.communication.email.models.EmailMessage;
import com.azure.communication.email.models.EmailSendResult;
import com.azure.communication.email.models.EmailSendStatus;
import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.Notifier;
import com.pulse.domain.notify.DigestEmail;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link Notifier} over Azure Communication Services Email ({@code azure-communication-email}):
 * {@code beginSend} starts the send operation and the poller waits until ACS reports a terminal
 * status (https://learn.microsoft.com/azure/communication-services/quickstarts/email/send-email).
 *
 * <p>Outcomes: operation SUCCEEDED → returns. Operation FAILED or CANCELED (e.g. recipient rejected)
 * → {@link IllegalStateException} with the service's error code and message. HTTP 408/429/5xx,
 * network faults or no terminal status within the timeout → {@link DependencyException}; other HTTP
 * errors (401/403: the identity lacks the ACS role; 400: bad sender) → {@link IllegalStateException}.
 * Thread-safe (the client is).
 */
public final class AcsEmailNotifier implements Notifier {
  private final EmailClient client;
  private final String senderAddress;
  private final Duration timeout;

  /**
   * @param client ACS email client
   * @param senderAddress a MailFrom address of a domain connected to the ACS resource
   * @param timeout how long to poll for a terminal status; positive
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public AcsEmailNotifier(EmailClient client, String senderAddress, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.senderAddress = Objects.requireNonNull(senderAddress, "senderAddress");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
  }

  /**
   * Builds the notifier with an Entra credential. Sending with Entra ID needs a control-plane role on
   * the ACS resource that includes {@code Microsoft.Communication/CommunicationServices/write}; the
   * built-in "Communication and Email Service Owner" is the documented choice (ACS has no
   * send-only data role). Polls for at most 2 minutes.
   *
   * @param endpoint e.g. {@code https://acs-pulse.europe.communication.azure.com}
   * @throws NullPointerException if an argument is null
   */
  public static AcsEmailNotifier create(String endpoint, TokenCredential credential, String senderAddress) {
    EmailClient client = new EmailClientBuilder()
        .endpoint(Objects.requireNonNull(endpoint, "endpoint"))
        .credential(Objects.requireNonNull(credential, "credential"))
        .buildClient();
    return new AcsEmailNotifier(client, senderAddress, Duration.ofMinutes(2));
  }

  @Override
  public void send(DigestEmail email) {
    EmailMessage message = new EmailMessage()
        .setSenderAddress(senderAddress)
        .setToRecipients(email.recipient())
        .setSubject(email.subject())
        .setBodyPlainText(email.text())
        .setBodyHtml(email.html());
    PollResponse<EmailSendResult> response;
    try {
      SyncPoller<EmailSendResult, EmailSendResult> poller = client.beginSend(message);
      response = poller.waitForCompletion(timeout);
    } catch (HttpResponseException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
      if (status == 408 || status == 429 || status >= 500) {
        throw new DependencyException("ACS email to " + email.recipient() + " failed (HTTP " + status + ")",
            status, null, e);
      }
      throw new IllegalStateException("ACS rejected the email to " + email.recipient() + " (HTTP " + status + "): "
          + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new DependencyException("ACS email to " + email.recipient() + " did not complete within " + timeout
          + ": " + e.getMessage(), 0, null, e);
    }
    EmailSendResult result = response.getValue();
    boolean succeeded = response.getStatus() == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED
        && result != null && EmailSendStatus.SUCCEEDED.equals(result.getStatus());
    if (!succeeded) {
      String error = result == null || result.getError() == null ? "no error details"
          : result.getError().getCode() + ": " + result.getError().getMessage();
      throw new IllegalStateException("ACS email to " + email.recipient() + " ended "
          + (result == null ? response.getStatus() : result.getStatus()) + " (operation "
          + (result == null ? "?" : result.getId()) + "): " + error);
    }
  }
}
