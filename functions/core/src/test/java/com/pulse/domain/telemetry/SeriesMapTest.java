package com.pulse.domain.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SeriesMap}: a {@link Map} like any other through chains of edits, and slots that stay put
 * from version to version.
 */
class SeriesMapTest {

  @Test
  void chainsOfEditsGiveTheMapAHashMapWouldHoldWithEverySeriesInItsFirstSlot() {
    SplittableRandom random = new SplittableRandom(7);
    for (int chain = 0; chain < 200; chain++) {
      SeriesMap map = SeriesMap.empty();
      Map<String, String> expected = new HashMap<>();
      Map<String, Boolean> expectedPlain = new HashMap<>();
      List<String> order = new ArrayList<>(); // ids in the order they first appeared
      for (int version = 0; version < 30; version++) {
        SeriesMap.Editor edit = map.edit();
        int puts = random.nextInt(6);
        for (int p = 0; p < puts; p++) {
          String id = "pt1m-" + random.nextInt(40);
          String value = "v" + random.nextInt(1_000);
          int slot = edit.slotOf(id);
          boolean plain = random.nextBoolean();
          expectedPlain.put(id, plain);
          if (slot >= 0 && plain && random.nextBoolean()) {
            assertThat(edit.value(slot)).isEqualTo(expected.get(id));
            assertThat(edit.setPlain(slot, value)).isEqualTo(expected.put(id, value));
          } else {
            assertThat(plain ? edit.putPlain(id, value) : edit.put(id, value)).isEqualTo(expected.put(id, value));
          }
          if (!order.contains(id)) {
            order.add(id);
          }
        }
        assertThat(edit.size()).isEqualTo(expected.size());
        SeriesMap next = edit.build();

        assertThat(next).isEqualTo(expected);
        assertThat(expected).isEqualTo(next);
        assertThat(next.hashCode()).isEqualTo(expected.hashCode());
        assertThat(new ArrayList<>(next.keySet())).isEqualTo(order);
        for (int slot = 0; slot < next.size(); slot++) {
          assertThat(next.slotOf(next.id(slot))).isEqualTo(slot);
          assertThat(next.value(slot)).isSameAs(next.get(next.id(slot)));
          assertThat(next.plain(slot)).as("plain as last put").isEqualTo(expectedPlain.get(next.id(slot)));
          if (slot < map.size()) {
            assertThat(next.sameId(map, slot)).as("a slot both versions have").isTrue();
            assertThat(next.id(slot)).isSameAs(map.id(slot));
          }
        }
        assertThat(next.sameId(map, map.size())).isFalse();
        assertThatThrownBy(() -> edit.put("pt1m-0", "late")).as("the built map shares the editor's arrays")
            .isInstanceOf(IllegalStateException.class);
        assertThat(next.get("pt1m-absent")).isNull();
        assertThat(next.slotOf("pt1m-absent")).isEqualTo(-1);
        map = next;
      }
    }
  }

  @Test
  void aValueNotPutIsTheSameInstanceInTheNextVersion() {
    SeriesMap first = SeriesMap.of(new LinkedHashMap<>(Map.of("a", new String("x"), "b", new String("y"))));
    SeriesMap.Editor edit = first.edit();
    edit.put("a", "z");
    SeriesMap second = edit.build();

    int b = second.slotOf("b");
    assertThat(second.value(b)).isSameAs(first.value(first.slotOf("b")));
    assertThat(first.get("a")).as("the earlier version is unchanged").isEqualTo("x");
    assertThat(SeriesMap.of(second)).isSameAs(second);
  }

  @Test
  void itIsImmutableAndRefusesNulls() {
    SeriesMap map = SeriesMap.of(Map.of("a", "x"));
    assertThatThrownBy(() -> map.put("b", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("z"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.edit().put("b", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> map.id(1)).isInstanceOf(ArrayIndexOutOfBoundsException.class);
  }
}
