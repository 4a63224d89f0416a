package com.pulse.adapter.local;

import com.pulse.app.port.LogWindowStore;
import com.pulse.app.port.LogWindowStoreContract;

/** {@link LogWindowStoreContract} against the in-process store. */
class InMemoryLogWindowStoreContractTest extends LogWindowStoreContract {
  @Override
  protected LogWindowStore newStore() {
    return new InMemoryLogWindowStore();
  }
}
