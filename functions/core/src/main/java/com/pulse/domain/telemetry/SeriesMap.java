package com.pulse.domain.telemetry;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The series of a {@link TenantWindowDocument}: series id → stored series string, immutable, in
 * <b>slots</b>. A document's next version is made with {@link #edit()}, which copies the array of
 * values and shares the ids and their index with this version; ids a version adds go after the
 * existing ones. So a series keeps its slot from version to version, and a writer that kept what it
 * built for the previous version's slot {@code i} can tell whether slot {@code i} changed with two
 * identity comparisons ({@link #sameId}, {@link #value}) instead of a hash lookup per series. At
 * 1,000 keys a batch rewrites ~40 tenant documents of ~46 series each for ~11 changed series each;
 * copying a {@link HashMap} of the series and looking every series up again on the way to Cosmos DB
 * took 20 % of the function's CPU (docs/PERFORMANCE.md, issue 14).
 *
 * <p>A {@link Map} in every other respect (equality and hash code of {@link AbstractMap}, iteration
 * in slot order); mutators throw {@link UnsupportedOperationException}. Memory: a version holds
 * one reference and one byte per series; the ids and their index (a {@code HashMap}) are shared by
 * every version with the same ids. Immutable, so thread-safe; an {@link Editor} is not.
 */
public final class SeriesMap extends AbstractMap<String, String> {
  private static final SeriesMap EMPTY =
      new SeriesMap(new Layout(new String[0], Map.of()), new String[0], new boolean[0]);

  /** Ids by slot and slot by id; shared by versions, never changed once built. */
  private record Layout(String[] ids, Map<String, Integer> slots) {}

  private final Layout layout;
  private final String[] values;
  /** Per slot: the value was put as plain ({@link #plain(int)}). */
  private final boolean[] plain;
  private Set<Entry<String, String>> entries;

  private SeriesMap(Layout layout, String[] values, boolean[] plain) {
    this.layout = layout;
    this.values = values;
    this.plain = plain;
  }

  /** The map with no series. */
  public static SeriesMap empty() {
    return EMPTY;
  }

  /**
   * {@code series} itself if it is a {@code SeriesMap}, else its entries in a new one, in the
   * iteration order of {@code series}.
   *
   * @throws NullPointerException if {@code series}, an id or a value is null
   */
  public static SeriesMap of(Map<String, String> series) {
    if (series instanceof SeriesMap s) {
      return s;
    }
    Editor editor = EMPTY.edit();
    series.forEach(editor::put);
    return editor.build();
  }

  @Override
  public int size() {
    return values.length;
  }

  /** The slot of {@code id}, or -1 if this map has no such series. */
  public int slotOf(Object id) {
    Integer slot = layout.slots.get(id);
    return slot == null || slot >= values.length ? -1 : slot;
  }

  @Override
  public String get(Object id) {
    int slot = slotOf(id);
    return slot < 0 ? null : values[slot];
  }

  @Override
  public boolean containsKey(Object id) {
    return slotOf(id) >= 0;
  }

  /**
   * The series id in {@code slot}.
   *
   * @throws ArrayIndexOutOfBoundsException unless {@code 0 <= slot < size()}
   */
  public String id(int slot) {
    checkSlot(slot);
    return layout.ids[slot];
  }

  /**
   * The stored string in {@code slot}; a string carried over from an earlier version is the same
   * instance.
   *
   * @throws ArrayIndexOutOfBoundsException unless {@code 0 <= slot < size()}
   */
  public String value(int slot) {
    return values[slot];
  }

  /**
   * Whether the string in {@code slot} was put by {@link Editor#setPlain} or {@link Editor#putPlain}:
   * its writer promised that every char is printable ASCII that JSON writes as it is ({@code 0x20}
   * to {@code 0x7E} but {@code "} and {@code \}), as base64 is. A JSON writer may then copy its
   * chars without looking at them: a stored series of a busy window is 5–8 KB, and checking the
   * changed ones char by char was 12 % of the function's CPU at 10 keys. Strings put any other way
   * (read from a store, say) are false.
   *
   * @throws ArrayIndexOutOfBoundsException unless {@code 0 <= slot < size()}
   */
  public boolean plain(int slot) {
    checkSlot(slot);
    return plain[slot];
  }

  /**
   * Whether {@code other} holds the very same id instance in {@code slot} as this map: true for
   * every slot two versions of one document share, false past either map's size.
   */
  public boolean sameId(SeriesMap other, int slot) {
    return slot >= 0 && slot < values.length && slot < other.values.length
        && (layout == other.layout || layout.ids[slot] == other.layout.ids[slot]);
  }

  /** A builder of the next version, starting from this map's series. */
  public Editor edit() {
    return new Editor(this);
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    Set<Entry<String, String>> set = entries;
    if (set == null) {
      set = new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, String>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < values.length;
            }

            @Override
            public Entry<String, String> next() {
              if (next >= values.length) {
                throw new NoSuchElementException();
              }
              int slot = next++;
              return new SimpleImmutableEntry<>(layout.ids[slot], values[slot]);
            }
          };
        }

        @Override
        public int size() {
          return values.length;
        }
      };
      entries = set;
    }
    return set;
  }

  private void checkSlot(int slot) {
    if (slot < 0 || slot >= values.length) {
      throw new ArrayIndexOutOfBoundsException("slot " + slot + " of " + values.length);
    }
  }

  /**
   * The next version of a {@link SeriesMap}: existing series are replaced in their slots, new ones
   * go after them in the order they are put. Not thread-safe; it builds one map, and puts or sets
   * after that throw {@link IllegalStateException}.
   */
  public static final class Editor {
    private final SeriesMap base;
    private final String[] values;
    private final boolean[] plain;
    private String[] addedIds = new String[0];
    private String[] addedValues = new String[0];
    private boolean[] addedPlain = new boolean[0];
    private Map<String, Integer> added;
    private int addedCount;
    private boolean built;

    private Editor(SeriesMap base) {
      this.base = base;
      this.values = base.values.clone();
      this.plain = base.plain.clone();
    }

    /** The slot of {@code id} in the map being edited, or -1 for a series it does not hold (yet). */
    public int slotOf(String id) {
      return base.slotOf(id);
    }

    /**
     * The current string in {@code slot} (of {@link #slotOf}).
     *
     * @throws ArrayIndexOutOfBoundsException if there is no such slot
     */
    public String value(int slot) {
      return values[slot];
    }

    /**
     * Replaces the string in {@code slot} (of {@link #slotOf}) with one the caller promises is plain
     * ({@link SeriesMap#plain}) and returns the one it replaces; {@link #put} sets any string.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws ArrayIndexOutOfBoundsException if there is no such slot
     */
    public String setPlain(int slot, String value) {
      return set(slot, value, true);
    }

    private String set(int slot, String value, boolean isPlain) {
      Objects.requireNonNull(value, "value");
      checkOpen();
      String old = values[slot];
      values[slot] = value;
      plain[slot] = isPlain;
      return old;
    }

    /**
     * Sets the string of {@code id} and returns the one it replaces, or null for a new series.
     *
     * @throws NullPointerException if an argument is null
     */
    public String put(String id, String value) {
      return put(id, value, false);
    }

    /**
     * As {@link #put}, for a string the caller promises is plain ({@link SeriesMap#plain}).
     *
     * @throws NullPointerException if an argument is null
     */
    public String putPlain(String id, String value) {
      return put(id, value, true);
    }

    private String put(String id, String value, boolean isPlain) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(value, "value");
      checkOpen();
      int slot = base.slotOf(id);
      if (slot >= 0) {
        return set(slot, value, isPlain);
      }
      if (added == null) {
        added = new HashMap<>();
      }
      Integer i = added.get(id);
      if (i != null) {
        String old = addedValues[i];
        addedValues[i] = value;
        addedPlain[i] = isPlain;
        return old;
      }
      if (addedCount == addedIds.length) {
        int n = Math.max(8, addedCount * 2);
        addedIds = Arrays.copyOf(addedIds, n);
        addedValues = Arrays.copyOf(addedValues, n);
        addedPlain = Arrays.copyOf(addedPlain, n);
      }
      added.put(id, addedCount);
      addedIds[addedCount] = id;
      addedPlain[addedCount] = isPlain;
      addedValues[addedCount++] = value;
      return null;
    }

    /** Series in the map being built. */
    public int size() {
      return values.length + addedCount;
    }

    private void checkOpen() {
      if (built) {
        throw new IllegalStateException("this editor has built its map");
      }
    }

    /**
     * The map: the base's layout when no series was added, else the base's ids followed by the new
     * ones.
     *
     * @throws IllegalStateException if this editor has built one already (it cannot change after)
     */
    public SeriesMap build() {
      checkOpen();
      built = true; // the map shares this editor's arrays
      if (addedCount == 0) {
        return new SeriesMap(base.layout, values, plain);
      }
      int n = values.length;
      String[] ids = Arrays.copyOf(base.layout.ids, n + addedCount);
      String[] all = Arrays.copyOf(values, n + addedCount);
      boolean[] allPlain = Arrays.copyOf(plain, n + addedCount);
      System.arraycopy(addedIds, 0, ids, n, addedCount);
      System.arraycopy(addedValues, 0, all, n, addedCount);
      System.arraycopy(addedPlain, 0, allPlain, n, addedCount);
      Map<String, Integer> slots = new HashMap<>((n + addedCount) * 4 / 3 + 1);
      for (int i = 0; i < ids.length; i++) {
        slots.put(ids[i], i);
      }
      return new SeriesMap(new Layout(ids, slots), all, allPlain);
    }
  }
}
