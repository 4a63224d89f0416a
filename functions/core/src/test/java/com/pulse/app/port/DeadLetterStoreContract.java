package com.pulse.app.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.DeadLetter;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link DeadLetterStore} must have. {@link #newStore()} must return an EMPTY
 * store (count and list-all are global).
 */
public abstract class DeadLetterStoreContract {
  protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private DeadLetterStore store;

  /** A new, empty store. */
  protected abstract DeadLetterStore newStore();

  /** False if {@code list} and {@code count} (queries) cannot run against this test's backend. */
  protected boolean supportsQueries() {
    return true;
  }

  @BeforeEach
  void setUp() {
    store = newStore();
  }

  protected static DeadLetter deadLetter(String partition, long sequenceNumber, Instant at) {
    return new DeadLetter(DeadLetter.idOf(partition, sequenceNumber), partition, String.valueOf(sequenceNumber * 100),
        sequenceNumber, at.minusSeconds(5), "missing tenant.id resource attribute", "application/x-protobuf",
        Map.of("content-type", "application/x-protobuf", "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
        Base64.getEncoder().encodeToString(new byte[] {10, 20, 30, (byte) sequenceNumber}), at);
  }

  @Test
  void storesEachEventOnceAndListsAPartitionOldestFirst() {
    Assumptions.assumeTrue(supportsQueries(), "this backend cannot run SQL queries here");
    DeadLetter late = deadLetter("1", 7, T0.plusSeconds(20));
    DeadLetter early = deadLetter("1", 5, T0);
    DeadLetter otherPartition = deadLetter("2", 5, T0.plusSeconds(10));
    // dead-lettered in time order, as a clock-driven pipeline does, then one redelivery
    store.writeAll(List.of(early));
    store.writeAll(List.of(otherPartition));
    store.writeAll(List.of(late));
    store.writeAll(List.of(early));

    assertThat(store.list("1", 10)).containsExactly(early, late);
    assertThat(store.list(null, 10)).containsExactly(early, otherPartition, late);
    assertThat(store.list(null, 2)).containsExactly(early, otherPartition);
    assertThat(store.count()).isEqualTo(3);
  }

  @Test
  void deleteRemovesOneAndIgnoresAbsent() {
    Assumptions.assumeTrue(supportsQueries(), "this backend cannot run SQL queries here");
    DeadLetter a = deadLetter("0", 1, T0);
    DeadLetter b = deadLetter("0", 2, T0.plusSeconds(1));
    store.writeAll(List.of(a, b));
    store.delete(a);
    store.delete(a);
    assertThat(store.list("0", 10)).containsExactly(b);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void emptyWriteIsANoOp() {
    store.writeAll(List.of());
    Assumptions.assumeTrue(supportsQueries(), "this backend cannot run SQL queries here");
    assertThat(store.count()).isZero();
  }

  @Test
  void listRejectsANonPositiveLimit() {
    assertThatThrownBy(() -> store.list(null, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }
}
