package com.pulse.app.port;

import com.pulse.domain.notify.DigestEmail;
import java.util.List;

/**
 * Digests whose delivery failed, kept per recipient until a later run delivers them (the durable
 * half of "a failed send is retried next run"). A held digest is stored without its
 * {@link DigestEmail#notices()} (its text and HTML are bounded, see
 * {@link com.pulse.domain.notify.DigestComposer}); Cosmos container {@code notifications},
 * partition key {@code ~held|<recipient>}. Thread-safe; transient failures throw
 * {@link DependencyException}.
 */
public interface HeldDigestStore {
  /** Most digests kept per recipient; holding one more drops the oldest. */
  int MAX_HELD_PER_RECIPIENT = 4;

  /** The recipient's held digests, oldest first; empty if none. */
  List<DigestEmail> held(String recipient);

  /**
   * Replaces the recipient's held digests (empty = none held). Implementations keep the newest
   * {@link #MAX_HELD_PER_RECIPIENT}.
   */
  void hold(String recipient, List<DigestEmail> digests);
}
