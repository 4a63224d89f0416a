package com.pulse.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NcrontabScheduleTest {

  @ParameterizedTest(name = "{0} fires every year: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      0 10 0 * * *        | true
      0 0 2 1 1,4,7,10 *  | true
      0 0 0 31 12 *       | true
      0 40 1 * * 1        | true
      0 0 0 28 2 *        | true
      0 0 0 29 2 *        | false
      0 0 0 30 2 *        | false
      0 0 0 31 4 *        | false
      """)
  void firesEveryYear(String expression, boolean expected) {
    assertThat(NcrontabSchedule.parse(expression).firesEveryYear()).isEqualTo(expected);
  }
}
