package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class JvmCompilersTest {
  private static final List<String> WORKER_THEN_PROD = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
      "-Djava.net.preferIPv4Stack=true", "-XX:TieredStopAtLevel=4", "-XX:Tier4InvocationThreshold=100000",
      "-Dsecret=do-not-log", "-javaagent:/opt/agent.jar");

  @Test
  void namesTheCompilersTheEffectiveOptionsChoose() {
    assertThat(JvmCompilers.describe(true, 1, 5000, List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1")))
        .isEqualTo("JVM compilers: C1 only (TieredStopAtLevel=1, Tier4InvocationThreshold=5000); -XX options: "
            + "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    assertThat(JvmCompilers.describe(true, 4, 100_000, WORKER_THEN_PROD)).startsWith(
        "JVM compilers: C1 and C2 (TieredStopAtLevel=4, Tier4InvocationThreshold=100000)");
    assertThat(JvmCompilers.describe(false, 4, 5000, List.of())).startsWith("JVM compilers: C2 only")
        .endsWith("-XX options: none");
    assertThat(JvmCompilers.describe(true, 0, 5000, List.of())).startsWith("JVM compilers: interpreter only");
    assertThat(JvmCompilers.describe(true, 3, 5000, List.of())).startsWith("JVM compilers: C1 only");
  }

  @Test
  void logsOnlyTheXxOptionsInCommandLineOrder() {
    assertThat(JvmCompilers.describe(true, 4, 100_000, WORKER_THEN_PROD))
        .endsWith("-XX options: -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4"
            + " -XX:Tier4InvocationThreshold=100000")
        .doesNotContain("secret").doesNotContain("agent").doesNotContain("preferIPv4Stack");
  }

  @Test
  void readsThisJvm() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    assertThat(JvmCompilers.current()).contains("(TieredStopAtLevel=" + vm.getVMOption("TieredStopAtLevel").getValue()
        + ", Tier4InvocationThreshold=" + vm.getVMOption("Tier4InvocationThreshold").getValue() + ")");
  }

  @Test
  void logsTheLineOnceOnADaemonThreadAfterTheDelay() throws InterruptedException {
    Logger log = Logger.getLogger("JvmCompilersTest");
    log.setUseParentHandlers(false);
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(capture);
    try {
      Thread thread = JvmCompilers.logLater(log, Duration.ofMillis(50));
      assertThat(thread.isDaemon()).isTrue();
      assertThat(thread.getName()).isEqualTo("pulse-jvm-compilers");
      assertThat(records).isEmpty();
      thread.join(10_000);
      assertThat(records).singleElement().satisfies(r -> {
        assertThat(r.getLevel()).isEqualTo(Level.INFO);
        assertThat(r.getMessage()).startsWith("JVM compilers: ").isEqualTo(JvmCompilers.current());
      });
    } finally {
      log.removeHandler(capture);
    }
  }
}
