package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeferralPolicyTest {
  private final DeferralPolicy policy = DeferralPolicy.DEFAULT;

  @Test
  void beforeAPartitionsFirstWriteItHoldsHalfTheSeriesBoundInEvents() {
    assertThat(policy.eventsBound(Double.NaN)).isEqualTo(16_384);
  }

  @Test
  void fewSeriesPerEventHoldUpToMaxEventsAndManyWriteSooner() {
    assertThat(policy.eventsBound(2_556.0 / 16_384)).as("1,000 series after a first write").isEqualTo(65_536);
    assertThat(policy.eventsBound(1.86)).as("100,000 series: as often as before").isEqualTo(17_617);
    assertThat(policy.eventsBound(40)).as("20 spans per event, each a new series").isEqualTo(819);
    assertThat(policy.eventsBound(1_000)).as("never less than a full batch").isEqualTo(256);
    assertThat(policy.eventsBound(0)).as("a write that touched nothing").isEqualTo(65_536);
  }

  @Test
  void aPolicyWithoutASeriesBoundHoldsMaxEventsWhateverTheSeries() {
    DeferralPolicy events = new DeferralPolicy(4, 12, 1_000, Duration.ofSeconds(10));

    assertThat(events.maxSeries()).isEqualTo(Integer.MAX_VALUE);
    assertThat(events.eventsBound(Double.NaN)).isEqualTo(12);
    assertThat(events.eventsBound(1e6)).isEqualTo(12);
  }

  @Test
  void theSeriesBoundMustBePositive() {
    assertThatThrownBy(() -> new DeferralPolicy(4, 12, 1_000, Duration.ofSeconds(10), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxSeries >= 1");
  }
}
