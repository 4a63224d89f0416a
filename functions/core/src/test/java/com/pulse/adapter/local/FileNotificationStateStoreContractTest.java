package com.pulse.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.app.port.NotificationStateStore;
import com.pulse.app.port.NotificationStateStoreContract;
import com.pulse.domain.notify.NotificationState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NotificationStateStoreContract} against the file store, plus survival across instances. */
class FileNotificationStateStoreContractTest extends NotificationStateStoreContract {
  @TempDir
  Path dir;

  @Override
  protected NotificationStateStore newStore() {
    return new FileNotificationStateStore(dir);
  }

  @Test
  void aNewInstanceReadsWhatAnEarlierOneWroteEvenForOddTenantIds() {
    NotificationState all = new NotificationState("*", Map.of(), Instant.parse("2026-11-20T00:00:00Z"));
    NotificationState dots = new NotificationState("..", Map.of(), Instant.parse("2026-11-20T00:00:00Z"));
    new FileNotificationStateStore(dir).write(all);
    new FileNotificationStateStore(dir).write(dots);

    assertThat(new FileNotificationStateStore(dir).read("*")).contains(all);
    assertThat(new FileNotificationStateStore(dir).read("..")).contains(dots);
    assertThat(dir.getParent().resolve("..json")).doesNotExist();
  }
}
