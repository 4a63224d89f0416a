package com.pulse.domain.telemetry.internal;

/**
 * In-place heapsort of a {@code long[]} prefix (Williams 1964; Floyd's heap construction). Used
 * instead of {@code Arrays.sort} because the JDK's dual-pivot quicksort allocates a run array when it
 * first checks an input for pre-sorted runs, and the user-hash buffer is sorted on the per-request
 * path. O(n log n), no allocation, not stable (irrelevant for primitives). Stateless; thread-safe.
 */
public final class LongHeapSort {
  private LongHeapSort() {}

  /** Sorts {@code a[0, n)} ascending. @throws ArrayIndexOutOfBoundsException if {@code n > a.length} */
  public static void sort(long[] a, int n) {
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(a, i, n);
    }
    for (int end = n - 1; end > 0; end--) {
      long top = a[0];
      a[0] = a[end];
      a[end] = top;
      siftDown(a, 0, end);
    }
  }

  private static void siftDown(long[] a, int i, int n) {
    long value = a[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && a[child + 1] > a[child]) {
        child++;
      }
      if (a[child] <= value) {
        break;
      }
      a[i] = a[child];
      i = child;
    }
    a[i] = value;
  }
}
