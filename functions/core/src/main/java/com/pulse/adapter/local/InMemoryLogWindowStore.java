package com.pulse.adapter.local;

import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.LogWindowStore;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.telemetry.log.LogWindowDocument;
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
 * In-process {@link LogWindowStore} with real optimistic concurrency, like
 * {@link InMemoryWindowStore}: every write gets a new ETag; {@link #create} fails on an existing id
 * (409), {@link #replace} on a stale ETag (412) or a missing document (404), as
 * {@link WriteConflictException}. Thread-safe (per-document compare-and-set).
 */
public final class InMemoryLogWindowStore implements LogWindowStore {
  private final Map<DocumentKey, Versioned<LogWindowDocument>> documents = new ConcurrentHashMap<>();
  private final AtomicLong etags = new AtomicLong();

  @Override
  public Map<DocumentKey, Versioned<LogWindowDocument>> readMany(Collection<DocumentKey> keys) {
    Map<DocumentKey, Versioned<LogWindowDocument>> found = new LinkedHashMap<>();
    for (DocumentKey key : keys) {
      Versioned<LogWindowDocument> v = documents.get(key);
      if (v != null) {
        found.put(key, v);
      }
    }
    return found;
  }

  @Override
  public Versioned<LogWindowDocument> create(LogWindowDocument document) {
    Versioned<LogWindowDocument> stored = new Versioned<>(document, nextEtag());
    if (documents.putIfAbsent(keyOf(document), stored) != null) {
      throw new WriteConflictException("409 conflict: log window document " + document.id() + " exists", 409, null);
    }
    return stored;
  }

  @Override
  public Versioned<LogWindowDocument> replace(LogWindowDocument document, String ifMatchEtag) {
    Objects.requireNonNull(ifMatchEtag, "ifMatchEtag");
    Versioned<LogWindowDocument> stored = new Versioned<>(document, nextEtag());
    Versioned<LogWindowDocument> result = documents.computeIfPresent(keyOf(document),
        (k, old) -> old.etag().equals(ifMatchEtag) ? stored : old);
    if (result == null) {
      throw new WriteConflictException("404 not found: log window document " + document.id() + " was deleted", 404, null);
    }
    if (result != stored) {
      throw new WriteConflictException("412 precondition failed: log window document " + document.id() + " changed",
          412, null);
    }
    return stored;
  }

  @Override
  public List<LogWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
    List<LogWindowDocument> out = new ArrayList<>();
    for (Versioned<LogWindowDocument> v : documents.values()) {
      LogWindowDocument d = v.value();
      if (d.tenantId().equals(tenantId) && d.granularity().equals(granularity)
          && !d.windowStart().isBefore(from) && d.windowStart().isBefore(to)) {
        out.add(d);
      }
    }
    out.sort(Comparator.comparing(LogWindowDocument::windowStart).thenComparing(LogWindowDocument::id));
    return out;
  }

  /** Every stored document (any tenant), sorted by id; for tests, replay output and the demo. */
  public List<LogWindowDocument> all() {
    List<LogWindowDocument> out = new ArrayList<>();
    documents.values().forEach(v -> out.add(v.value()));
    out.sort(Comparator.comparing(LogWindowDocument::id));
    return out;
  }

  private String nextEtag() {
    return "\"" + Long.toHexString(etags.incrementAndGet()) + "\"";
  }

  private static DocumentKey keyOf(LogWindowDocument d) {
    return new DocumentKey(d.tenantId(), d.id());
  }
}
