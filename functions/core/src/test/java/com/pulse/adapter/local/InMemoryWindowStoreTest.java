package com.pulse.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.SeriesCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryWindowStoreTest {
  private final InMemoryWindowStore store = new InMemoryWindowStore();

  private static TenantWindowDocument doc(String id, long count) {
    Instant start = Instant.parse("2026-11-20T10:00:00Z");
    WindowDocument series = new WindowDocument(id + "-s", "t", "s", "o", null, "PT1M", start, start.plusSeconds(60), "0",
        count, 0, 0, 0, new byte[0], new byte[0], count, count, start);
    return new TenantWindowDocument(id, "t", "PT1M", start, start.plusSeconds(60), "0", 0, count, count, start,
        Map.of(series.id(), SeriesCodec.encode(series)));
  }

  @Test
  void createThenConditionalReplaceWithRealEtags() {
    Versioned<TenantWindowDocument> v1 = store.create(doc("a", 1));
    assertThatThrownBy(() -> store.create(doc("a", 9))).isInstanceOf(WriteConflictException.class).hasMessageContaining("409");
    Versioned<TenantWindowDocument> v2 = store.replace(doc("a", 2), v1.etag());
    assertThat(v2.etag()).isNotEqualTo(v1.etag());
    assertThatThrownBy(() -> store.replace(doc("a", 3), v1.etag())).isInstanceOf(WriteConflictException.class).hasMessageContaining("412");
    assertThatThrownBy(() -> store.replace(doc("b", 1), v1.etag())).isInstanceOf(WriteConflictException.class).hasMessageContaining("404");
    DocumentKey key = new DocumentKey("t", "a");
    assertThat(store.readMany(List.of(key, new DocumentKey("t", "zz")))).containsOnlyKeys(key);
    assertThat(store.readMany(List.of(key)).get(key).value().lastSequenceNumber()).isEqualTo(2);
    assertThat(store.listRange("t", "PT1M", Instant.EPOCH, Instant.MAX)).extracting(WindowDocument::id).containsExactly("a-s");
    assertThat(store.listRange("t", "PT1H", Instant.EPOCH, Instant.MAX)).isEmpty();
  }
}
