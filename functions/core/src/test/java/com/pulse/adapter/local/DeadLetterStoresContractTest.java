package com.pulse.adapter.local;

import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.DeadLetterStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** {@link DeadLetterStoreContract} against the in-process and the file-backed store. */
class DeadLetterStoresContractTest {
  @Nested
  class InMemory extends DeadLetterStoreContract {
    @Override
    protected DeadLetterStore newStore() {
      return new InMemoryDeadLetterStore();
    }
  }

  @Nested
  class FileBacked extends DeadLetterStoreContract {
    @TempDir Path dir;

    @Override
    protected DeadLetterStore newStore() {
      return new FileDeadLetterStore(dir.resolve("deadletter.jsonl"));
    }
  }
}
