package com.pulse.adapter.local;

import com.pulse.app.port.HeldDigestStore;
import com.pulse.domain.notify.DigestEmail;
import java.util.List;

/** The trimming shared by {@link HeldDigestStore} adapters. Stateless. */
public final class HeldDigests {
  private HeldDigests() {}

  /**
   * The newest {@link HeldDigestStore#MAX_HELD_PER_RECIPIENT} digests, each without its notices.
   *
   * @param digests oldest first
   */
  public static List<DigestEmail> newest(List<DigestEmail> digests) {
    int from = Math.max(0, digests.size() - HeldDigestStore.MAX_HELD_PER_RECIPIENT);
    return digests.subList(from, digests.size()).stream()
        .map(d -> d.notices().isEmpty() ? d
            : new DigestEmail(d.recipient(), d.subject(), d.text(), d.html(), List.of(), d.composedAt()))
        .toList();
  }
}
