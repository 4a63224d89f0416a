package com.pulse.adapter.local;

import com.pulse.app.port.WindowStore;
import com.pulse.app.port.WindowStoreContract;

/** {@link WindowStoreContract} against the in-process store. */
class InMemoryWindowStoreContractTest extends WindowStoreContract {
  @Override
  protected WindowStore newStore() {
    return new InMemoryWindowStore();
  }
}
