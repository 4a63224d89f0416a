package com.pulse.adapter.local;

import com.pulse.app.port.MetricStore;
import com.pulse.app.port.MetricStoreContract;

/** {@link MetricStoreContract} against the in-process store. */
class InMemoryMetricStoreContractTest extends MetricStoreContract {
  @Override
  protected MetricStore newStore() {
    return new InMemoryMetricStore();
  }
}
