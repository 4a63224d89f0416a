package com.pulse.app.port;

import com.pulse.domain.telemetry.log.LogWindowDocument;

/** The sample document of {@link LogWindowStoreContract} for other modules' tests (export rows). */
public final class LogWindowStoreContractAccess {
  private LogWindowStoreContractAccess() {}

  /** A document with an INFO series and an ERROR series with two templates. */
  public static LogWindowDocument document() {
    return LogWindowStoreContract.document("contoso", "PT1M", LogWindowStoreContract.T0, "3", 12, 99, 2);
  }
}
