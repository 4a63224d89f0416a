package com.pulse.domain.metric.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.metric.MetricPoint;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SortedArrayMapTest {
  @Test
  void behavesLikeATreeMapOnRandomMaps() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      Map<String, Integer> source = new HashMap<>();
      for (int i = random.nextInt(8); i > 0; i--) {
        source.put(Character.toString('a' + random.nextInt(12)) + random.nextInt(3), random.nextInt(100));
      }
      TreeMap<String, Integer> expected = new TreeMap<>(source);
      SortedArrayMap<Integer> actual = SortedArrayMap.copyOf(source);
      assertThat(actual).isEqualTo(expected).hasSameHashCodeAs(expected);
      assertThat(expected).isEqualTo(actual);
      assertThat(actual.toString()).isEqualTo(expected.toString());
      assertThat(List.copyOf(actual.keySet())).isEqualTo(List.copyOf(expected.keySet()));
      assertThat(List.copyOf(actual.values())).isEqualTo(List.copyOf(expected.values()));
      assertThat(actual.comparator()).isNull();
      for (String probe : List.of("a0", "c1", "f2", "l0", "zz", "")) {
        assertThat(actual.get(probe)).isEqualTo(expected.get(probe));
        assertThat(actual.containsKey(probe)).isEqualTo(expected.containsKey(probe));
        assertThat(actual.headMap(probe)).isEqualTo(expected.headMap(probe));
        assertThat(actual.tailMap(probe)).isEqualTo(expected.tailMap(probe));
        assertThat(actual.subMap("b", probe.compareTo("b") < 0 ? "b" : probe)).isEqualTo(
            expected.subMap("b", probe.compareTo("b") < 0 ? "b" : probe));
      }
      if (expected.isEmpty()) {
        assertThatThrownBy(actual::firstKey).isInstanceOf(NoSuchElementException.class);
      } else {
        assertThat(actual.firstKey()).isEqualTo(expected.firstKey());
        assertThat(actual.lastKey()).isEqualTo(expected.lastKey());
      }
    }
  }

  @Test
  void isImmutableAndNotCopiedAgain() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("b", "2");
    source.put("a", "1");
    SortedArrayMap<String> map = SortedArrayMap.copyOf(source);
    source.put("c", "3");
    assertThat(map).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(SortedArrayMap.copyOf(map)).isSameAs(map);
    assertThatThrownBy(() -> map.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.putAll(Map.of("d", "4"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    SortedMap<String, String> head = map.headMap("b");
    assertThatThrownBy(() -> head.put("0", "0")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNullKeysAndKeepsNullValuesLikeATreeMap() {
    Map<String, String> withNullKey = new HashMap<>();
    withNullKey.put(null, "x");
    assertThatThrownBy(() -> SortedArrayMap.copyOf(withNullKey)).isInstanceOf(NullPointerException.class);
    Map<String, String> withNullValue = new HashMap<>();
    withNullValue.put("a", null);
    SortedArrayMap<String> map = SortedArrayMap.copyOf(withNullValue);
    assertThat(map).isEqualTo(new TreeMap<>(withNullValue)).containsKey("a");
    assertThatThrownBy(() -> map.get(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void keysBuildMapsFromCellsInNameOrderLeavingNullsOutAndRepeatsOnce() {
    SortedArrayMap.Keys keys = SortedArrayMap.Keys.of(List.of("orders", "net", "avg", "net"));
    assertThat(keys.size()).isEqualTo(3);
    Object[] cells = {1.0, 2.0, 3.0, 2.0};
    SortedArrayMap<Double> map = keys.map(cells);
    assertThat(map).isEqualTo(Map.of("orders", 1.0, "net", 2.0, "avg", 3.0));
    assertThat(List.copyOf(map.keySet())).containsExactly("avg", "net", "orders");
    cells[0] = null; // the scratch array is read, not retained
    assertThat(map).containsEntry("orders", 1.0);
    SortedArrayMap<Double> withNull = keys.map(cells);
    assertThat(withNull).isEqualTo(Map.of("net", 2.0, "avg", 3.0));
    assertThat(SortedArrayMap.Keys.of(List.of()).map(new Object[0])).isEmpty();
    assertThat(Arrays.asList(cells)).hasSize(4);
  }
}
