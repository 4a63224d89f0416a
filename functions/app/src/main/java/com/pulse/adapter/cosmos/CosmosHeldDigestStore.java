package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.pulse.adapter.local.HeldDigests;
import com.pulse.app.port.HeldDigestStore;
import com.pulse.app.port.Versioned;
import com.pulse.domain.notify.DigestEmail;
import java.util.List;

/**
 * {@link HeldDigestStore} in the Cosmos DB container {@code notifications}: one document per
 * recipient, id and partition key {@code ~held|<recipient>} (a tenant id never starts with
 * {@code ~}, so it cannot collide with a tenant's state). One point read per known recipient and
 * run, one upsert when a send failed or a held digest went out. A document holds at most
 * {@link HeldDigestStore#MAX_HELD_PER_RECIPIENT} bounded digests (each well under 1 MB), inside
 * Cosmos DB's 2 MB item limit. Thread-safe.
 */
public final class CosmosHeldDigestStore implements HeldDigestStore {
  private final ItemAccess<Document> documents;

  /**
   * The stored shape.
   *
   * @param tenantId partition key value, {@code ~held|<recipient>}
   * @param recipient the recipient
   * @param digests held digests, oldest first
   */
  public record Document(String tenantId, String recipient, List<DigestEmail> digests) {}

  /**
   * @param container container {@code notifications}
   * @param calls its call wrapper
   */
  public CosmosHeldDigestStore(CosmosContainer container, CosmosCalls calls) {
    this.documents = new ItemAccess<>(container, calls, Document.class);
  }

  @Override
  public List<DigestEmail> held(String recipient) {
    String key = key(recipient);
    return documents.read(key, key).map(Versioned::value).map(Document::digests).orElse(List.of());
  }

  @Override
  public void hold(String recipient, List<DigestEmail> digests) {
    String key = key(recipient);
    documents.upsert(key, CosmosDocuments.toDocument(new Document(key, recipient, HeldDigests.newest(digests)), key));
  }

  private static String key(String recipient) {
    return "~held|" + recipient;
  }
}
