package com.pulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @Test
  void selfContainedWithChartJsInlinedAndOneCanvasPerChart(@TempDir Path dir) throws Exception {
    HtmlReport report = new HtmlReport("Pulse <test>", Instant.parse("2024-01-01T00:00:00Z"))
        .addSection("Warehouse", "two charts")
        .addLineChart("Orders", "count", List.of("1998-06", "1998-07"), Map.of("sum", Arrays.asList(3.0, null)), "count")
        .addSection("Telemetry", "")
        .addBarChart("Latency </script>", "p99", List.of("a"), Map.of("p99", List.of(12.5)), "ms");
    Path file = dir.resolve("r.html");
    report.write(file);
    String html = Files.readString(file);
    assertThat(html.split("<canvas id=\"", -1)).as("one canvas per chart").hasSize(3);
    assertThat(html).contains("Chart.js v4.4.1").doesNotContain("src=\"http").doesNotContain("<script src");
    assertThat(html).contains("Pulse &lt;test&gt;").contains("Latency &lt;/script&gt;");
    // only the three real </script> tags close script elements: the inline bundle, the tenant explorer
    // and the chart calls
    assertThat(html.split("</script>", -1)).hasSize(4);
    assertThat(html).contains("[3.0,null]");
  }

  @Test
  void seriesMustMatchLabels() {
    assertThatThrownBy(() -> new HtmlReport("t", Instant.EPOCH)
        .addLineChart("x", "", List.of("a", "b"), Map.of("s", List.of(1.0)), "u"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 labels");
  }
}
