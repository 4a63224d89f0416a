package com.pulse.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A self-contained static HTML report: sections of charts drawn by Chart.js 4.4.1
 * (https://www.chartjs.org/docs/4.4.1/), whose UMD bundle is inlined from the
 * {@code org.webjars.npm:chart.js} jar, so the file opens offline with no other file. Sections are
 * appended in order: {@link #addSection} for a heading and text, {@link #addLineChart} and
 * {@link #addBarChart} for charts (the warehouse metrics and, from other commands, telemetry).
 * Not thread-safe; build, then {@link #render()} or {@link #write}.
 */
public final class HtmlReport {
  /** Classpath location of the Chart.js UMD bundle in the webjar. */
  public static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String title;
  private final Instant generatedAt;
  private final StringBuilder body = new StringBuilder();
  private final List<String> charts = new ArrayList<>();

  /**
   * @param title page title
   * @param generatedAt shown in the header
   */
  public HtmlReport(String title, Instant generatedAt) {
    this.title = Objects.requireNonNull(title, "title");
    this.generatedAt = Objects.requireNonNull(generatedAt, "generatedAt");
  }

  /**
   * Appends a section heading and a paragraph of plain text (escaped).
   *
   * @return this
   */
  public HtmlReport addSection(String heading, String text) {
    body.append("<h2>").append(escape(heading)).append("</h2>\n");
    if (text != null && !text.isBlank()) {
      body.append("<p>").append(escape(text)).append("</p>\n");
    }
    return this;
  }

  /**
   * Appends a line chart.
   *
   * @param chartTitle title above the chart
   * @param subtitle small text under the title (unit, SLO...), may be empty
   * @param labels x-axis labels (e.g. window starts)
   * @param series series name to values, one per label ({@code null} = gap)
   * @param yLabel y-axis title (unit)
   * @return this
   * @throws IllegalArgumentException if a series does not have one value per label
   */
  public HtmlReport addLineChart(String chartTitle, String subtitle, List<String> labels,
      Map<String, List<Double>> series, String yLabel) {
    return addChart("line", chartTitle, subtitle, labels, series, yLabel);
  }

  /** Appends a bar chart; arguments as {@link #addLineChart}. @return this */
  public HtmlReport addBarChart(String chartTitle, String subtitle, List<String> labels,
      Map<String, List<Double>> series, String yLabel) {
    return addChart("bar", chartTitle, subtitle, labels, series, yLabel);
  }

  private HtmlReport addChart(String type, String chartTitle, String subtitle, List<String> labels,
      Map<String, List<Double>> series, String yLabel) {
    List<Map<String, Object>> datasets = new ArrayList<>();
    series.forEach((name, values) -> {
      if (values.size() != labels.size()) {
        throw new IllegalArgumentException("series '" + name + "' has " + values.size() + " values for "
            + labels.size() + " labels");
      }
      Map<String, Object> ds = new LinkedHashMap<>();
      ds.put("label", name);
      ds.put("data", values);
      ds.put("spanGaps", true);
      datasets.add(ds);
    });
    Map<String, Object> config = Map.of(
        "type", type,
        "data", Map.of("labels", labels, "datasets", datasets),
        "options", Map.of("responsive", true, "animation", false,
            "scales", Map.of("y", Map.of("beginAtZero", true, "title", Map.of("display", true, "text", yLabel)))));
    String id = "chart" + charts.size();
    body.append("<div class=\"card\"><h3>").append(escape(chartTitle)).append("</h3>");
    if (subtitle != null && !subtitle.isBlank()) {
      body.append("<div class=\"sub\">").append(escape(subtitle)).append("</div>");
    }
    body.append("<canvas id=\"").append(id).append("\"></canvas></div>\n");
    try {
      charts.add("new Chart(document.getElementById('" + id + "'), " + scriptSafe(JSON.writeValueAsString(config)) + ");");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize chart config", e);
    }
    return this;
  }

  /** The complete HTML document. @throws IllegalStateException if Chart.js is not on the classpath */
  public String render() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
        + "<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}"
        + ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:1rem}"
        + ".card{border:1px solid #ddd;border-radius:8px;padding:1rem}.sub{color:#666;font-size:.85rem}"
        + "h3{margin:.2rem 0}.grid>h2,.grid>p{grid-column:1/-1;margin:.5rem 0 0}</style>\n"
        + "<script>" + scriptSafe(chartJs()) + "</script></head><body>\n"
        + "<h1>" + escape(title) + "</h1><p class=\"sub\">generated " + generatedAt + "</p>\n"
        + "<div class=\"grid\">\n" + body + "</div>\n<script>\n" + String.join("\n", charts) + "\n</script>\n</body></html>\n";
  }

  /**
   * Writes {@link #render()} to {@code file}, creating its directory.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public void write(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, render(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file, e);
    }
  }

  private static String chartJs() {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(CHART_JS)) {
      if (in == null) {
        throw new IllegalStateException("Chart.js not found on the classpath at " + CHART_JS);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CHART_JS, e);
    }
  }

  /** Prevents a {@code </script>} inside inlined code from closing the element. */
  private static String scriptSafe(String js) {
    return js.replace("</", "<\\/");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
