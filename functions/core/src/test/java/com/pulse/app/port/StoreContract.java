package com.pulse.app.port;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the window store contracts share ({@link WindowStoreContract}, {@link LogWindowStoreContract},
 * {@link MetricWindowStoreContract}): a fresh store from the implementation under test and a fresh
 * tenant id per test, so that tests never see each other's documents on a shared backend.
 *
 * @param <S> the port under test
 */
public abstract class StoreContract<S> {
  /** The store under test, new for each test. */
  protected S store;
  /** A tenant id no other test uses. */
  protected String tenant;

  /** A store to test. */
  protected abstract S newStore();

  /** False if the store's range query cannot run against this test's backend. */
  protected boolean supportsQueries() {
    return true;
  }

  @BeforeEach
  void setUp() {
    store = newStore();
    tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
