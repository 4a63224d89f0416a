package com.pulse.app.port;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.notify.NotificationState;
import com.pulse.domain.notify.NotificationState.Episode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link NotificationStateStore} must have; tests use fresh tenant ids. */
public abstract class NotificationStateStoreContract {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private NotificationStateStore store;
  private String tenant;

  /** A store to test. */
  protected abstract NotificationStateStore newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void absentTenantHasNoState() {
    assertThat(store.read(tenant)).isEmpty();
  }

  @Test
  void stateRoundTripsAndIsOverwritten() {
    Episode open = new Episode("slo_breach|checkout_success|region=eu", "slo_breach", "checkout_success",
        Map.of("region", "eu"), "open", T0, T0, null, "0.97 < 0.99", T0);
    NotificationState first = new NotificationState(tenant, Map.of(open.key(), open), T0);
    store.write(first);
    assertThat(store.read(tenant)).contains(first);

    Episode resolved = new Episode(open.key(), open.kind(), open.metric(), open.dimensions(), "resolved",
        T0, T0.plusSeconds(3600), T0.plusSeconds(3600), "0.995 >= 0.99", null);
    NotificationState second = new NotificationState(tenant, Map.of(resolved.key(), resolved), T0.plusSeconds(3600));
    store.write(second);
    assertThat(store.read(tenant)).contains(second);
  }
}
