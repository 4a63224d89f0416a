package com.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void defaultRidesOutAnAzureSqlReconfiguration() {
    // Microsoft: most reconfigurations finish in less than 60 s; the last attempt must come after that.
    assertThat(RetryPolicy.DEFAULT.totalBackoff()).isGreaterThan(RetryPolicy.AZURE_SQL_RECONFIGURATION);
    assertThat(RetryPolicy.DEFAULT.totalBackoff()).isEqualTo(Duration.ofSeconds(5 + 10 + 20 + 40));
  }

  @Test
  void defaultFollowsTheGuidanceOnEachPause() {
    // first retry after at least 5 s, growing exponentially, never more than 60 s apart
    assertThat(RetryPolicy.DEFAULT.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
    for (int attempt = 1; attempt < 10; attempt++) {
      assertThat(RetryPolicy.DEFAULT.delayAfter(attempt)).isLessThanOrEqualTo(Duration.ofSeconds(60));
      assertThat(RetryPolicy.DEFAULT.delayAfter(attempt + 1)).isGreaterThanOrEqualTo(RetryPolicy.DEFAULT.delayAfter(attempt));
    }
  }

  @Test
  void fewerAttemptsRideOutLess() {
    assertThat(RetryPolicy.DEFAULT.withMaxAttempts(4).totalBackoff()).isEqualTo(Duration.ofSeconds(35));
    assertThat(RetryPolicy.DEFAULT.withMaxAttempts(1).totalBackoff()).isZero();
  }
}
