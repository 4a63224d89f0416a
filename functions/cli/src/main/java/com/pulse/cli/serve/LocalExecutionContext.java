package com.pulse.cli.serve;

import com.microsoft.azure.functions.ExecutionContext;
import java.util.UUID;
import java.util.logging.Logger;

/** The invocation context {@code pulse serve} hands the function classes: a fresh id, the function's logger. */
record LocalExecutionContext(String getFunctionName, String getInvocationId) implements ExecutionContext {
  static LocalExecutionContext of(String functionName) {
    return new LocalExecutionContext(functionName, UUID.randomUUID().toString());
  }

  @Override
  public Logger getLogger() {
    return Logger.getLogger("com.pulse.functions." + getFunctionName);
  }
}
