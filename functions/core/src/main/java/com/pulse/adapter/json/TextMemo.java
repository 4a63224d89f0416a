package com.pulse.adapter.json;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.function.Function;

/**
 * A bounded memo of the JSON text of values that repeat from row to row (a window's start and end,
 * a batch's update time, DDSketch bin values as percentiles), as {@link SerializedString}s, whose
 * UTF-8 bytes a generator copies without encoding them again. Direct-mapped: {@code slots} entries
 * (a power of two), one per hash slot; a value whose slot holds another value is formatted and
 * replaces it, so the memory is bounded whatever the values.
 *
 * <p>Thread-safe without locks: a slot holds an immutable entry (final fields, so safely published
 * even through the plain array); a thread may miss another's newest entry and format the value
 * again, never read a wrong one. {@link SerializedString} is safe to share.
 *
 * @param <K> the value type; its {@code equals} and {@code hashCode} define a hit
 */
final class TextMemo<K> {
  private record Entry<K>(K key, SerializedString text) {}

  private final Entry<K>[] slots;
  private final int shift;
  private final Function<K, String> format;

  /**
   * @param slots entries kept, a power of two from 1 to 2^30
   * @param format the text of a value (not null)
   * @throws IllegalArgumentException if {@code slots} is not such a power of two
   */
  @SuppressWarnings("unchecked")
  TextMemo(int slots, Function<K, String> format) {
    if (slots < 1 || slots > 1 << 30 || Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two from 1 to 2^30: " + slots);
    }
    this.slots = (Entry<K>[]) new Entry<?>[slots];
    this.shift = 32 - Integer.numberOfTrailingZeros(slots);
    this.format = format;
  }

  /** The text of {@code key} ({@code format(key)}), from the memo when its slot holds it. */
  SerializedString text(K key) {
    // Fibonacci hashing: the high bits of hash * 2^32/phi spread nearby hashes over the slots.
    int slot = shift == 32 ? 0 : (key.hashCode() * 0x9E3779B9) >>> shift;
    Entry<K> entry = slots[slot];
    if (entry != null && entry.key().equals(key)) {
      return entry.text();
    }
    SerializedString text = new SerializedString(format.apply(key));
    slots[slot] = new Entry<>(key, text);
    return text;
  }
}
