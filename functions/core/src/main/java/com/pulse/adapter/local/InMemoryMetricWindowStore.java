package com.pulse.adapter.local;

import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.MetricWindowStore;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.telemetry.metric.MetricStreamDocument;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process {@link MetricWindowStore} with real optimistic concurrency, like
 * {@link InMemoryWindowStore}: a new quoted ETag per write, 409 on creating an existing id, 412 on a
 * stale ETag and 404 on a missing document, as {@link WriteConflictException}. Thread-safe.
 */
public final class InMemoryMetricWindowStore implements MetricWindowStore {
  private final Map<DocumentKey, Versioned<MetricWindowDocument>> windows = new ConcurrentHashMap<>();
  private final Map<DocumentKey, Versioned<MetricStreamDocument>> streams = new ConcurrentHashMap<>();
  private final AtomicLong etags = new AtomicLong();

  @Override
  public Map<DocumentKey, Versioned<MetricWindowDocument>> readWindows(Collection<DocumentKey> keys) {
    return read(windows, keys);
  }

  @Override
  public Versioned<MetricWindowDocument> createWindow(MetricWindowDocument d) {
    return create(windows, new DocumentKey(d.tenantId(), d.id()), d);
  }

  @Override
  public Versioned<MetricWindowDocument> replaceWindow(MetricWindowDocument d, String ifMatchEtag) {
    return replace(windows, new DocumentKey(d.tenantId(), d.id()), d, ifMatchEtag);
  }

  @Override
  public Map<DocumentKey, Versioned<MetricStreamDocument>> readStreams(Collection<DocumentKey> keys) {
    return read(streams, keys);
  }

  @Override
  public Versioned<MetricStreamDocument> createStreams(MetricStreamDocument d) {
    return create(streams, new DocumentKey(d.tenantId(), d.id()), d);
  }

  @Override
  public Versioned<MetricStreamDocument> replaceStreams(MetricStreamDocument d, String ifMatchEtag) {
    return replace(streams, new DocumentKey(d.tenantId(), d.id()), d, ifMatchEtag);
  }

  @Override
  public List<MetricWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
    List<MetricWindowDocument> out = new ArrayList<>();
    for (Versioned<MetricWindowDocument> v : windows.values()) {
      MetricWindowDocument d = v.value();
      if (d.tenantId().equals(tenantId) && d.granularity().equals(granularity)
          && !d.windowStart().isBefore(from) && d.windowStart().isBefore(to)) {
        out.add(d);
      }
    }
    out.sort(Comparator.comparing(MetricWindowDocument::windowStart).thenComparing(MetricWindowDocument::id));
    return out;
  }

  /** Every window document, sorted by id (tests, replay, demo). */
  public List<MetricWindowDocument> allWindows() {
    List<MetricWindowDocument> out = new ArrayList<>();
    windows.values().forEach(v -> out.add(v.value()));
    out.sort(Comparator.comparing(MetricWindowDocument::id));
    return out;
  }

  /** Every stream-state document, sorted by id (tests). */
  public List<MetricStreamDocument> allStreams() {
    List<MetricStreamDocument> out = new ArrayList<>();
    streams.values().forEach(v -> out.add(v.value()));
    out.sort(Comparator.comparing(MetricStreamDocument::id));
    return out;
  }

  private static <T> Map<DocumentKey, Versioned<T>> read(Map<DocumentKey, Versioned<T>> map, Collection<DocumentKey> keys) {
    Map<DocumentKey, Versioned<T>> found = new LinkedHashMap<>();
    for (DocumentKey key : keys) {
      Versioned<T> v = map.get(key);
      if (v != null) {
        found.put(key, v);
      }
    }
    return found;
  }

  private <T> Versioned<T> create(Map<DocumentKey, Versioned<T>> map, DocumentKey key, T document) {
    Versioned<T> stored = new Versioned<>(document, nextEtag());
    if (map.putIfAbsent(key, stored) != null) {
      throw new WriteConflictException("409 conflict: document " + key.id() + " exists", 409, null);
    }
    return stored;
  }

  private <T> Versioned<T> replace(Map<DocumentKey, Versioned<T>> map, DocumentKey key, T document, String ifMatchEtag) {
    Objects.requireNonNull(ifMatchEtag, "ifMatchEtag");
    Versioned<T> stored = new Versioned<>(document, nextEtag());
    Versioned<T> result = map.computeIfPresent(key, (k, old) -> old.etag().equals(ifMatchEtag) ? stored : old);
    if (result == null) {
      throw new WriteConflictException("404 not found: document " + key.id() + " was deleted", 404, null);
    }
    if (result != stored) {
      throw new WriteConflictException("412 precondition failed: document " + key.id() + " changed", 412, null);
    }
    return stored;
  }

  private String nextEtag() {
    return "\"" + Long.toHexString(etags.incrementAndGet()) + "\"";
  }
}
