package com.pulse.adapter.local;

import com.pulse.app.port.PartitionProgressStore;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WriteConflictException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process {@link PartitionProgressStore} for local runs and tests, with Cosmos DB's conditional
 * semantics (409 on a create of an existing id, 412 on a replace with a stale ETag). Thread-safe.
 */
public final class InMemoryPartitionProgressStore implements PartitionProgressStore {
  private final ConcurrentMap<String, Versioned<Long>> progress = new ConcurrentHashMap<>();
  private final AtomicLong etags = new AtomicLong();

  @Override
  public Versioned<Long> read(String scope, String partition) {
    return progress.get(key(scope, partition));
  }

  @Override
  public Versioned<Long> create(String scope, String partition, long flushedThrough) {
    Versioned<Long> created = next(flushedThrough);
    if (progress.putIfAbsent(key(scope, partition), created) != null) {
      throw new WriteConflictException("progress of " + key(scope, partition) + " exists", 409, null);
    }
    return created;
  }

  @Override
  public Versioned<Long> replace(String scope, String partition, long flushedThrough, String ifMatchEtag) {
    Objects.requireNonNull(ifMatchEtag, "ifMatchEtag");
    Versioned<Long> replaced = next(flushedThrough);
    Versioned<Long> after = progress.computeIfPresent(key(scope, partition),
        (k, current) -> current.etag().equals(ifMatchEtag) ? replaced : current);
    if (after != replaced) {
      throw new WriteConflictException("progress of " + key(scope, partition) + " changed since it was read",
          after == null ? 404 : 412, null);
    }
    return replaced;
  }

  private Versioned<Long> next(long flushedThrough) {
    return new Versioned<>(flushedThrough, "\"" + etags.incrementAndGet() + "\"");
  }

  private static String key(String scope, String partition) {
    return Objects.requireNonNull(scope, "scope") + "/" + Objects.requireNonNull(partition, "partition");
  }
}
