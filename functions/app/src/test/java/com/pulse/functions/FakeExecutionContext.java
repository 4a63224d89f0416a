package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.pulse.testing.RecordingLogHandler;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The invocation context as the Java worker hands it to a function: an anonymous logger per
 * invocation (the worker's handler forwards {@link LogRecord#getMessage()} as is), here keeping every
 * record for assertions.
 */
final class FakeExecutionContext implements ExecutionContext {
  private final String functionName;
  private final Logger logger = Logger.getAnonymousLogger();
  private final RecordingLogHandler records = new RecordingLogHandler();

  FakeExecutionContext(String functionName) {
    this.functionName = functionName;
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(records);
  }

  /** Every record logged through {@link #getLogger()}. */
  List<LogRecord> records() {
    return records.records();
  }

  @Override
  public Logger getLogger() {
    return logger;
  }

  @Override
  public String getInvocationId() {
    return "00000000-0000-0000-0000-000000000001";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }
}
