package com.pulse.testing;

import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WindowStore;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link WindowStore} decorator for tests: a {@link Fault} hook runs before every operation on a
 * document and may throw (a {@code DependencyException} to simulate a 429/503, any runtime exception
 * to simulate a host crash between writes) or block (to interleave two owners); successful creates
 * and replaces are counted ({@link #writeCount}). {@code readMany} asks the delegate one key at a
 * time, right after that key's hook, so a hook can interleave between the reads of one call.
 * Thread-safe if the delegate is.
 */
public final class FaultInjectingWindowStore implements WindowStore {

  /** Operations a {@link Fault} is told about. */
  public enum Operation { READ, CREATE, REPLACE }

  /** Hook run before each operation on a document; may throw to inject a failure. */
  @FunctionalInterface
  public interface Fault {
    /** Called before {@code operation} on the document with {@code id}. */
    void before(Operation operation, String id);
  }

  private static final Fault NONE = (op, id) -> { };

  private final WindowStore delegate;
  private final AtomicLong writes = new AtomicLong();
  private volatile Fault fault = NONE;

  /** @throws NullPointerException if {@code delegate} is null */
  public FaultInjectingWindowStore(WindowStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Installs a fault hook (null removes it). */
  public void setFault(Fault fault) {
    this.fault = fault == null ? NONE : fault;
  }

  /** Successful creates + replaces through this decorator so far. */
  public long writeCount() {
    return writes.get();
  }

  @Override
  public Map<DocumentKey, Versioned<TenantWindowDocument>> readMany(Collection<DocumentKey> keys) {
    Map<DocumentKey, Versioned<TenantWindowDocument>> found = new LinkedHashMap<>();
    for (DocumentKey key : keys) {
      fault.before(Operation.READ, key.id());
      found.putAll(delegate.readMany(List.of(key)));
    }
    return found;
  }

  @Override
  public Versioned<TenantWindowDocument> create(TenantWindowDocument document) {
    fault.before(Operation.CREATE, document.id());
    Versioned<TenantWindowDocument> stored = delegate.create(document);
    writes.incrementAndGet();
    return stored;
  }

  @Override
  public Versioned<TenantWindowDocument> replace(TenantWindowDocument document, String ifMatchEtag) {
    Objects.requireNonNull(ifMatchEtag, "ifMatchEtag");
    fault.before(Operation.REPLACE, document.id());
    Versioned<TenantWindowDocument> stored = delegate.replace(document, ifMatchEtag);
    writes.incrementAndGet();
    return stored;
  }

  @Override
  public List<WindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
    return delegate.listRange(tenantId, granularity, from, to);
  }
}
