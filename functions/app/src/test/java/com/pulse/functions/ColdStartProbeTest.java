package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.app.telemetry.BatchResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cold-start probe handles its batch as a whole, so what the archive and the benchmark run is the real path. */
class ColdStartProbeTest {
  @Test
  void theFirstBatchIsHandledWithoutDeadLetters(@TempDir Path localDir) {
    BatchResult result = ColdStartProbe.firstBatch(localDir, 64);

    assertThat(result.events()).isEqualTo(64);
    assertThat(result.requests()).isEqualTo(64);
    assertThat(result.deadLettered()).isZero();
    assertThat(result.documentsWritten()).isPositive();
  }

  @Test
  void anEmptyBatchIsRefused(@TempDir Path localDir) {
    assertThatThrownBy(() -> ColdStartProbe.firstBatch(localDir, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events");
  }
}
