package com.pulse.adapter.local;

import com.pulse.app.port.MetricWindowStore;
import com.pulse.app.port.MetricWindowStoreContract;

/** {@link MetricWindowStoreContract} against the in-process store. */
class InMemoryMetricWindowStoreContractTest extends MetricWindowStoreContract {
  @Override
  protected MetricWindowStore newStore() {
    return new InMemoryMetricWindowStore();
  }
}
