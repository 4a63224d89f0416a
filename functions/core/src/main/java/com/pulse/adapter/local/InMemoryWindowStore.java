package com.pulse.adapter.local;

import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WindowStore;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.TenantWindows;
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
 * In-process {@link WindowStore} with real optimistic concurrency: every write gets a new ETag
 * (a store-wide counter, quoted like Cosmos DB's {@code _etag}); {@link #create} fails on an existing
 * id (409) and {@link #replace} on a stale ETag (412) or a missing document (404), all as
 * {@link WriteConflictException}.
 * Thread-safe (per-document atomic compare-and-set on a {@link ConcurrentHashMap}).
 */
public final class InMemoryWindowStore implements WindowStore {

  private final Map<DocumentKey, Versioned<TenantWindowDocument>> documents = new ConcurrentHashMap<>();
  private final AtomicLong etags = new AtomicLong();

  @Override
  public Map<DocumentKey, Versioned<TenantWindowDocument>> readMany(Collection<DocumentKey> keys) {
    Map<DocumentKey, Versioned<TenantWindowDocument>> found = new LinkedHashMap<>();
    for (DocumentKey key : keys) {
      Versioned<TenantWindowDocument> v = documents.get(key);
      if (v != null) {
        found.put(key, v);
      }
    }
    return found;
  }

  @Override
  public Versioned<TenantWindowDocument> create(TenantWindowDocument document) {
    Versioned<TenantWindowDocument> stored = new Versioned<>(document, nextEtag());
    if (documents.putIfAbsent(keyOf(document), stored) != null) {
      throw new WriteConflictException("409 conflict: window document " + document.id() + " exists", 409, null);
    }
    return stored;
  }

  @Override
  public Versioned<TenantWindowDocument> replace(TenantWindowDocument document, String ifMatchEtag) {
    Objects.requireNonNull(ifMatchEtag, "ifMatchEtag");
    DocumentKey key = keyOf(document);
    Versioned<TenantWindowDocument> stored = new Versioned<>(document, nextEtag());
    Versioned<TenantWindowDocument> result = documents.computeIfPresent(key, (k, old) -> old.etag().equals(ifMatchEtag) ? stored : old);
    if (result == null) {
      throw new WriteConflictException("404 not found: window document " + document.id() + " was deleted", 404, null);
    }
    if (result != stored) {
      throw new WriteConflictException("412 precondition failed: window document " + document.id() + " changed", 412, null);
    }
    return stored;
  }

  @Override
  public List<WindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
    List<WindowDocument> out = new ArrayList<>();
    for (Versioned<TenantWindowDocument> v : documents.values()) {
      TenantWindowDocument d = v.value();
      if (d.tenantId().equals(tenantId) && d.granularity().equals(granularity)
          && !d.windowStart().isBefore(from) && d.windowStart().isBefore(to)) {
        out.addAll(TenantWindows.series(d));
      }
    }
    out.sort(Comparator.comparing(WindowDocument::windowStart).thenComparing(WindowDocument::id));
    return out;
  }

  /** Every stored series (any tenant), decoded, sorted by id; for tests, replay output and the demo. */
  public List<WindowDocument> all() {
    List<WindowDocument> out = new ArrayList<>();
    documents.values().forEach(v -> out.addAll(TenantWindows.series(v.value())));
    out.sort(Comparator.comparing(WindowDocument::id));
    return out;
  }

  /** Every stored document (any tenant) as stored, sorted by id; for tests and document-size benchmarks. */
  public List<TenantWindowDocument> documents() {
    List<TenantWindowDocument> out = new ArrayList<>();
    documents.values().forEach(v -> out.add(v.value()));
    out.sort(Comparator.comparing(TenantWindowDocument::id));
    return out;
  }

  private String nextEtag() {
    return "\"" + Long.toHexString(etags.incrementAndGet()) + "\"";
  }

  private static DocumentKey keyOf(TenantWindowDocument d) {
    return new DocumentKey(d.tenantId(), d.id());
  }
}
