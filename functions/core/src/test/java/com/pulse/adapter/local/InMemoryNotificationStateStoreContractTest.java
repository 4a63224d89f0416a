package com.pulse.adapter.local;

import com.pulse.app.port.NotificationStateStore;
import com.pulse.app.port.NotificationStateStoreContract;

/** {@link NotificationStateStoreContract} against the in-process store. */
class InMemoryNotificationStateStoreContractTest extends NotificationStateStoreContract {
  @Override
  protected NotificationStateStore newStore() {
    return new InMemoryNotificationStateStore();
  }
}
