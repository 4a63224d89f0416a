package com.pulse.app.port;

import com.pulse.domain.notify.DigestEmail;

/**
 * Delivers a customer-engineer digest: ACS Email in Azure, {@code .eml} files in a local outbox.
 * Implementations are thread-safe.
 */
public interface Notifier {

  /**
   * Sends one digest and returns once the service accepted it.
   *
   * @param email the digest, one recipient
   * @throws DependencyException if the mail service is unavailable or throttling (retry later)
   * @throws IllegalStateException if the service rejected the message (bad sender, bad recipient)
   */
  void send(DigestEmail email);
}
