package com.pulse.domain.telemetry.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * Open-addressing hash table (linear probing, load ≤ 1/2) from (tenant, service, operation, window
 * start) to {@link WindowAccumulator}, probed with the key's parts directly so a lookup of an
 * existing window allocates nothing (no composite key object; {@code String.hashCode} is cached by
 * the JDK). Keeps accumulators in creation order for deterministic output. Not thread-safe.
 */
final class WindowTable {
  private final Granularity granularity;
  private WindowAccumulator[] slots = new WindowAccumulator[64];
  private final List<WindowAccumulator> inOrder = new ArrayList<>();

  WindowTable(Granularity granularity) {
    this.granularity = granularity;
  }

  WindowAccumulator getOrCreate(String tenantId, String service, String operation, long windowStartMillis) {
    return getOrCreate(tenantId, service, null, operation, windowStartMillis);
  }

  /** The accumulator of a dependency window ({@code dependency} non-null) or request window (null). */
  WindowAccumulator getOrCreate(String tenantId, String service, String dependency, String operation, long windowStartMillis) {
    int h = hash(tenantId, service, operation, windowStartMillis) ^ (dependency == null ? 0 : dependency.hashCode() * 0x9E3779B9);
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      WindowAccumulator slot = slots[i];
      if (slot == null) {
        WindowAccumulator created = new WindowAccumulator(tenantId, service, dependency, operation, granularity, windowStartMillis, h);
        slots[i] = created;
        inOrder.add(created);
        if (inOrder.size() * 2 > slots.length) {
          grow();
        }
        return created;
      }
      if (slot.matches(h, tenantId, service, dependency, operation, windowStartMillis)) {
        return slot;
      }
    }
  }

  List<WindowAccumulator> accumulators() {
    return inOrder;
  }

  private void grow() {
    WindowAccumulator[] bigger = new WindowAccumulator[slots.length * 2];
    int mask = bigger.length - 1;
    for (WindowAccumulator a : inOrder) {
      int i = a.hash & mask;
      while (bigger[i] != null) {
        i = (i + 1) & mask;
      }
      bigger[i] = a;
    }
    slots = bigger;
  }

  static int hash(String tenantId, String service, String operation, long windowStartMillis) {
    int h = ((tenantId.hashCode() * 31 + service.hashCode()) * 31 + operation.hashCode()) * 31 + Long.hashCode(windowStartMillis);
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
