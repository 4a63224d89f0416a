package com.pulse.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.telemetry.WindowDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectingWindowStoreTest {
  private final InMemoryWindowStore stored = new InMemoryWindowStore();
  private final FaultInjectingWindowStore store = new FaultInjectingWindowStore(stored);

  private static WindowDocument doc(String id, long count) {
    Instant start = Instant.parse("2026-11-20T10:00:00Z");
    return new WindowDocument(id, "t", "s", "o", "PT1M", start, start.plusSeconds(60), "0", count, 0, 0, 0,
        new byte[0], new byte[0], count, count, start);
  }

  @Test
  void theHookSeesEveryOperationAndAThrowingHookStopsIt() {
    List<String> seen = new ArrayList<>();
    store.setFault((op, id) -> {
      seen.add(op + " " + id);
      if (op == FaultInjectingWindowStore.Operation.CREATE && id.equals("b")) {
        throw new IllegalStateException("injected on " + id);
      }
    });
    String etag = store.create(doc("a", 1)).etag();
    store.replace(doc("a", 2), etag);
    store.readMany(List.of(new DocumentKey("t", "a"), new DocumentKey("t", "zz")));
    assertThatThrownBy(() -> store.create(doc("b", 1))).hasMessage("injected on b");

    assertThat(seen).containsExactly("CREATE a", "REPLACE a", "READ a", "READ zz", "CREATE b");
    assertThat(stored.all()).extracting(WindowDocument::id).containsExactly("a");
    store.setFault(null);
    assertThat(store.create(doc("b", 1)).value().id()).isEqualTo("b");
  }

  @Test
  void countsOnlySuccessfulWrites() {
    String etag = store.create(doc("a", 1)).etag();
    assertThatThrownBy(() -> store.create(doc("a", 9))).isInstanceOf(WriteConflictException.class);
    store.replace(doc("a", 2), etag);
    assertThatThrownBy(() -> store.replace(doc("a", 3), etag)).isInstanceOf(WriteConflictException.class);

    assertThat(store.writeCount()).isEqualTo(2);
    assertThat(store.listRange("t", "PT1M", Instant.EPOCH, Instant.MAX)).extracting(WindowDocument::count)
        .containsExactly(2L);
  }
}
