package com.pulse.domain.metric.internal;

import com.pulse.domain.metric.MetricPoint;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * An immutable {@link SortedMap} from {@code String} keys in natural order, stored as two parallel
 * arrays (sorted keys, values): the map type of {@link MetricPoint#dimensions()} and
 * {@link MetricPoint#values()}. A metric point has a handful of entries, so this is far smaller
 * and faster to build than a {@code TreeMap} behind an unmodifiable view (one array instead of one
 * node per entry, plus two map objects), and the key array of every point of one metric and window
 * is shared through {@link Keys}. Lookups are a binary search.
 *
 * <p>It behaves as {@code Collections.unmodifiableSortedMap(new TreeMap<>(map))} did: natural key
 * order ({@link #comparator()} is {@code null}), {@code equals}/{@code hashCode}/{@code toString}
 * of {@link Map} (equal to a {@code TreeMap} with the same entries), null keys rejected, null values
 * allowed, every mutator throws {@link UnsupportedOperationException}. Views ({@link #subMap},
 * {@link #headMap}, {@link #tailMap}) are immutable snapshots. Immutable, hence thread-safe.
 *
 * @param <V> value type
 */
public final class SortedArrayMap<V> extends AbstractMap<String, V> implements SortedMap<String, V> {
  private static final String[] NO_KEYS = {};
  private static final SortedArrayMap<?> EMPTY = new SortedArrayMap<>(NO_KEYS, new Object[0]);

  private final String[] keys;
  private final Object[] values;

  private SortedArrayMap(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /**
   * An immutable sorted copy of {@code map}; {@code map} itself if it already is a
   * {@code SortedArrayMap} (immutable, so nothing needs copying).
   *
   * @throws NullPointerException if {@code map} is null or has a null key
   */
  @SuppressWarnings("unchecked")
  public static <V> SortedArrayMap<V> copyOf(Map<String, ? extends V> map) {
    Objects.requireNonNull(map, "map");
    if (map instanceof SortedArrayMap<?> same) {
      return (SortedArrayMap<V>) same;
    }
    int n = map.size();
    if (n == 0) {
      return (SortedArrayMap<V>) EMPTY;
    }
    String[] keys = new String[n];
    Object[] values = new Object[n];
    int i = 0;
    for (Map.Entry<String, ? extends V> e : map.entrySet()) {
      keys[i] = Objects.requireNonNull(e.getKey(), "null key");
      values[i] = e.getValue();
      i++;
    }
    if (!(map instanceof SortedMap<?, ?> sorted && sorted.comparator() == null)) {
      sortByKey(keys, values);
    }
    return new SortedArrayMap<>(keys, values);
  }

  /** Insertion sort of both arrays by key (point maps have a handful of entries). */
  private static void sortByKey(String[] keys, Object[] values) {
    for (int i = 1; i < keys.length; i++) {
      String k = keys[i];
      Object v = values[i];
      int j = i - 1;
      while (j >= 0 && keys[j].compareTo(k) > 0) {
        keys[j + 1] = keys[j];
        values[j + 1] = values[j];
        j--;
      }
      keys[j + 1] = k;
      values[j + 1] = v;
    }
    // a Map has distinct keys, so no two are equal here
  }

  /**
   * A fixed key set (e.g. the dimension or value columns of one metric), sorted once, from which
   * many maps with the same keys are built without sorting or copying keys again. Immutable,
   * thread-safe.
   */
  public static final class Keys {
    private final String[] sorted;
    /** {@code position[i]}: index in the names given to {@link #of} of the i-th sorted key. */
    private final int[] position;

    private Keys(String[] sorted, int[] position) {
      this.sorted = sorted;
      this.position = position;
    }

    /**
     * The key set of {@code names}; a repeated name is kept once (its first position), as a
     * {@code TreeMap} filled in that order with the same value for it would keep it.
     *
     * @throws NullPointerException if {@code names} is or contains null
     */
    public static Keys of(List<String> names) {
      Integer[] order = new Integer[names.size()];
      for (int i = 0; i < order.length; i++) {
        Objects.requireNonNull(names.get(i), "null key");
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparing((Integer i) -> names.get(i)).thenComparing(i -> i));
      int n = 0;
      String[] sorted = new String[order.length];
      int[] position = new int[order.length];
      for (Integer i : order) {
        if (n > 0 && sorted[n - 1].equals(names.get(i))) {
          continue;
        }
        sorted[n] = names.get(i);
        position[n++] = i;
      }
      return new Keys(Arrays.copyOf(sorted, n), Arrays.copyOf(position, n));
    }

    /**
     * The map of these keys to {@code values}, given in the order of the names passed to
     * {@link #of}; a null value leaves its key out of the map (a SQL NULL is an absent value).
     *
     * @param values one value per name given to {@link #of} (more are ignored); read, not retained,
     *     so a caller may reuse one array for many maps
     * @throws ArrayIndexOutOfBoundsException if {@code values} is shorter than those names
     */
    @SuppressWarnings("unchecked")
    public <V> SortedArrayMap<V> map(Object[] values) {
      int n = sorted.length;
      if (n == 0) {
        return (SortedArrayMap<V>) EMPTY;
      }
      Object[] out = new Object[n];
      int present = 0;
      for (int i = 0; i < n; i++) {
        Object v = values[position[i]];
        out[i] = v;
        if (v != null) {
          present++;
        }
      }
      if (present == n) {
        return new SortedArrayMap<>(sorted, out);
      }
      String[] keys = new String[present];
      Object[] kept = new Object[present];
      for (int i = 0, j = 0; i < n; i++) {
        if (out[i] != null) {
          keys[j] = sorted[i];
          kept[j++] = out[i];
        }
      }
      return new SortedArrayMap<>(keys, kept);
    }

    /** Number of distinct keys. */
    public int size() {
      return sorted.length;
    }
  }

  /** The i-th key in order, {@code 0 <= i < size()} (index access for {@link PointIdHasher}). */
  String keyAt(int i) {
    return keys[i];
  }

  /** The value of {@link #keyAt}{@code (i)}. */
  @SuppressWarnings("unchecked")
  V valueAt(int i) {
    return (V) values[i];
  }

  private int indexOf(Object key) {
    if (key == null) {
      throw new NullPointerException("null key");
    }
    return key instanceof String s ? Arrays.binarySearch(keys, s) : -1;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean isEmpty() {
    return keys.length == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = indexOf(key);
    return i >= 0 ? (V) values[i] : null;
  }

  @Override
  public Comparator<? super String> comparator() {
    return null;
  }

  @Override
  public SortedMap<String, V> subMap(String fromKey, String toKey) {
    if (fromKey.compareTo(toKey) > 0) {
      throw new IllegalArgumentException("fromKey > toKey");
    }
    return slice(lowerBound(fromKey), lowerBound(toKey));
  }

  @Override
  public SortedMap<String, V> headMap(String toKey) {
    return slice(0, lowerBound(toKey));
  }

  @Override
  public SortedMap<String, V> tailMap(String fromKey) {
    return slice(lowerBound(fromKey), keys.length);
  }

  /** Index of the first key {@code >= key}. */
  private int lowerBound(String key) {
    int i = Arrays.binarySearch(keys, Objects.requireNonNull(key, "null key"));
    return i >= 0 ? i : -i - 1;
  }

  private SortedArrayMap<V> slice(int from, int to) {
    return from == 0 && to == keys.length ? this
        : new SortedArrayMap<>(Arrays.copyOfRange(keys, from, to), Arrays.copyOfRange(values, from, to));
  }

  @Override
  public String firstKey() {
    if (keys.length == 0) {
      throw new NoSuchElementException();
    }
    return keys[0];
  }

  @Override
  public String lastKey() {
    if (keys.length == 0) {
      throw new NoSuchElementException();
    }
    return keys[keys.length - 1];
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Map.Entry<String, V> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(keys[i], (V) values[i]);
          }
        };
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public void forEach(java.util.function.BiConsumer<? super String, ? super V> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept(keys[i], (V) values[i]);
    }
  }

  @Override
  public V put(String key, V value) {
    throw new UnsupportedOperationException("immutable");
  }

  @Override
  public V remove(Object key) {
    throw new UnsupportedOperationException("immutable");
  }

  @Override
  public void putAll(Map<? extends String, ? extends V> m) {
    throw new UnsupportedOperationException("immutable");
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("immutable");
  }
}
