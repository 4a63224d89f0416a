package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.app.port.HeldDigestStore;
import com.pulse.domain.notify.DigestEmail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link CosmosHeldDigestStore} against Cosmos DB (local {@code @vercel/cosmosdb-server}, HTTPS, gateway mode). */
class CosmosHeldDigestStoreIntegrationTest {

  @Test
  void holdsTheNewestDigestsPerRecipientAndClears() {
    HeldDigestStore store = CosmosFixture.freshStores().heldDigests();
    String ana = "ana-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    List<DigestEmail> six = new ArrayList<>();
    for (int h = 0; h < 6; h++) {
      six.add(new DigestEmail(ana, "s" + h, "text", "<p>html</p>", List.of(),
          Instant.parse("2026-11-20T00:00:00Z").plusSeconds(3600L * h)));
    }

    store.hold(ana, six);

    assertThat(store.held(ana)).extracting(DigestEmail::subject).containsExactly("s2", "s3", "s4", "s5");
    assertThat(store.held("nobody@example.com")).isEmpty();
    store.hold(ana, List.of());
    assertThat(store.held(ana)).isEmpty();
  }
}
