package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.app.telemetry.RememberedDocuments.Remembered;
import com.pulse.domain.telemetry.TenantWindowDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RememberedDocumentsTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  private static Remembered document(String id, int seriesChars) {
    TenantWindowDocument d = new TenantWindowDocument(id, "acme", "PT1M", T0, T0.plusSeconds(60), "0", 0, 1, 1, T0,
        Map.of("pt1m-s", "A".repeat(seriesChars)));
    return Remembered.of(new Versioned<>(d, "\"" + id + "\""), Map.of());
  }

  private static DocumentKey key(String id) {
    return new DocumentKey("acme", id);
  }

  @Test
  void takenEntriesLeaveTheMemoryUntilKeptAgain() {
    RememberedDocuments<Remembered> memory = new RememberedDocuments<Remembered>(1 << 20, Remembered::bytes);
    memory.keep(Map.of(key("a"), document("a", 100), key("b"), document("b", 100)));

    Map<DocumentKey, Remembered> taken = memory.take(List.of(key("a"), key("c")));
    assertThat(taken.keySet()).containsExactly(key("a"));
    assertThat(memory.take(List.of(key("a")))).as("a failed batch does not put it back").isEmpty();
    memory.keep(taken);
    assertThat(memory.take(List.of(key("a")))).containsOnlyKeys(key("a"));
    assertThat(memory.take(List.of(key("b")))).containsOnlyKeys(key("b"));
    assertThat(memory.bytes()).isZero();
  }

  @Test
  void theLeastRecentlyKeptEntriesGoFirstBeyondTheBound() {
    long one = document("x", 10_000).bytes();
    RememberedDocuments<Remembered> memory = new RememberedDocuments<Remembered>(3 * one, Remembered::bytes);
    for (String id : List.of("a", "b", "c", "d")) {
      memory.keep(Map.of(key(id), document(id, 10_000)));
      assertThat(memory.bytes()).isLessThanOrEqualTo(3 * one);
    }
    assertThat(memory.take(List.of(key("a"), key("b"), key("c"), key("d"))).keySet())
        .containsExactlyInAnyOrder(key("b"), key("c"), key("d"));
    assertThat(one).isGreaterThan(10_000);
  }
}
