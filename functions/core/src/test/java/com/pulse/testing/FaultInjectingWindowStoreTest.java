package com.pulse.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.WindowStore;
import com.pulse.app.port.WindowStoreContract;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.telemetry.TenantWindowDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decorator keeps the port contract, and adds its hook and write count. */
class FaultInjectingWindowStoreTest extends WindowStoreContract {
  private final InMemoryWindowStore stored = new InMemoryWindowStore();
  private final FaultInjectingWindowStore store = new FaultInjectingWindowStore(stored);

  @Override
  protected WindowStore newStore() {
    return new FaultInjectingWindowStore(new InMemoryWindowStore());
  }

  /** Minute document {@code partition} of tenant {@code t}, its id {@link #id}. */
  private static TenantWindowDocument doc(String partition, long count) {
    return window("t", "PT1M", T0, partition, count, count, 1);
  }

  private static String id(String partition) {
    return doc(partition, 0).id();
  }

  @Test
  void theHookSeesEveryOperationAndAThrowingHookStopsIt() {
    List<String> seen = new ArrayList<>();
    store.setFault((op, id) -> {
      seen.add(op + " " + id);
      if (op == FaultInjectingWindowStore.Operation.CREATE && id.equals(id("b"))) {
        throw new IllegalStateException("injected on " + id);
      }
    });
    String etag = store.create(doc("a", 1)).etag();
    store.replace(doc("a", 2), etag);
    store.readMany(List.of(new DocumentKey("t", id("a")), new DocumentKey("t", "zz")));
    assertThatThrownBy(() -> store.create(doc("b", 1))).hasMessage("injected on " + id("b"));

    assertThat(seen).containsExactly(
        "CREATE " + id("a"), "REPLACE " + id("a"), "READ " + id("a"), "READ zz", "CREATE " + id("b"));
    assertThat(stored.documents()).extracting(TenantWindowDocument::id).containsExactly(id("a"));
    store.setFault(null);
    assertThat(store.create(doc("b", 1)).value().id()).isEqualTo(id("b"));
  }

  @Test
  void countsOnlySuccessfulWrites() {
    String etag = store.create(doc("a", 1)).etag();
    assertThatThrownBy(() -> store.create(doc("a", 9))).isInstanceOf(WriteConflictException.class);
    store.replace(doc("a", 2), etag);
    assertThatThrownBy(() -> store.replace(doc("a", 3), etag)).isInstanceOf(WriteConflictException.class);

    assertThat(store.writeCount()).isEqualTo(2);
    assertThat(stored.documents()).extracting(TenantWindowDocument::lastSequenceNumber)
        .containsExactly(2L);
  }
}
