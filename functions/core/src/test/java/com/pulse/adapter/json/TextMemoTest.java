package com.pulse.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link TextMemo}: the formatted text of each value, formatted once while it keeps its slot. */
class TextMemoTest {

  @Test
  void givesTheFormattedTextAndFormatsARepeatedValueOnce() {
    AtomicInteger formatted = new AtomicInteger();
    TextMemo<Double> memo = new TextMemo<>(16, d -> {
      formatted.incrementAndGet();
      return Double.toString(d);
    });
    assertThat(memo.text(1.5).getValue()).isEqualTo("1.5");
    assertThat(memo.text(1.5).getValue()).isEqualTo("1.5");
    assertThat(memo.text(-0.0).getValue()).isEqualTo("-0.0");
    assertThat(memo.text(0.0).getValue()).isEqualTo("0.0");
    assertThat(formatted).hasValue(3);
  }

  @Test
  void staysCorrectWhenValuesShareSlots() {
    TextMemo<Integer> memo = new TextMemo<>(1, i -> "v" + i);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 100; i++) {
        assertThat(memo.text(i).getValue()).isEqualTo("v" + i);
      }
    }
    TextMemo<Integer> eight = new TextMemo<>(8, i -> "v" + i);
    for (int i = -5_000; i < 5_000; i++) {
      assertThat(eight.text(i % 37).getValue()).isEqualTo("v" + i % 37);
    }
  }

  @Test
  void rejectsASizeThatIsNotAPowerOfTwo() {
    assertThatThrownBy(() -> new TextMemo<Integer>(12, String::valueOf)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TextMemo<Integer>(0, String::valueOf)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void threadsSharingAMemoReadTheirOwnValuesText() throws Exception {
    TextMemo<Long> memo = new TextMemo<>(64, l -> Long.toString(l));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long base = t * 1_000L;
        runs.add(pool.submit(() -> {
          int wrong = 0;
          for (int i = 0; i < 200_000; i++) {
            long value = base + i % 300;
            wrong += memo.text(value).getValue().equals(Long.toString(value)) ? 0 : 1;
          }
          return wrong;
        }));
      }
      for (Future<Integer> run : runs) {
        assertThat(run.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
