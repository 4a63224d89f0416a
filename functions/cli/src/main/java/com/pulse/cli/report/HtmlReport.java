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

  /**
   * Appends a table (cells escaped) spanning the page width.
   *
   * @param tableTitle title above the table
   * @param subtitle small text under the title, may be empty
   * @param headers column headings
   * @param rows rows, each with one cell per heading
   * @return this
   * @throws IllegalArgumentException if a row does not have one cell per heading
   */
  public HtmlReport addTable(String tableTitle, String subtitle, List<String> headers, List<List<String>> rows) {
    body.append("<div class=\"card wide\"><h3>").append(escape(tableTitle)).append("</h3>");
    if (subtitle != null && !subtitle.isBlank()) {
      body.append("<div class=\"sub\">").append(escape(subtitle)).append("</div>");
    }
    body.append("<table><tr>");
    headers.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
    body.append("</tr>\n");
    for (List<String> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException("row has " + row.size() + " cells for " + headers.size() + " headings");
      }
      body.append("<tr>");
      row.forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</table></div>\n");
    return this;
  }

  /**
   * Appends the tenant explorer: a tenant picker and, for the picked tenant, one line chart per
   * metric (its value per window against the SLO target) and its telemetry SLO table.
   *
   * @param data JSON {@code {"tenants":[{"id","label"}], "metrics":[{"name","title","unit","labels":[..],
   *     "target":x|null,"op":"..."}], "series":{tenantId:{metric:[v|null,..]}},
   *     "slos":{tenantId:[{"slo","sli","budget","burn1h","burn5m","burn6h","burn30m","firing"}]}}}
   * @return this
   */
  public HtmlReport addTenantExplorer(Object data) {
    String id = "explorer" + charts.size();
    body.append("<div class=\"card wide\"><h3>Tenant view</h3><div class=\"sub\">Pick a tenant: its own value per ")
        .append("window for every warehouse metric (dashed: the SLO target) and its telemetry SLOs. TPC-H customers ")
        .append("(numeric ids) have warehouse metrics, tenant-N ids have telemetry; tenants of the tenants file come first.</div>")
        .append("<select id=\"").append(id).append("-pick\"></select><div id=\"").append(id)
        .append("-slos\"></div><div class=\"grid\" id=\"").append(id).append("-charts\"></div></div>\n");
    try {
      charts.add("pulseExplorer('" + id + "', " + scriptSafe(JSON.writeValueAsString(data)) + ");");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize explorer data", e);
    }
    return this;
  }

  private static final String EXPLORER_JS = """
      function pulseExplorer(id, d) {
        const pick = document.getElementById(id + '-pick');
        const box = document.getElementById(id + '-charts');
        const slos = document.getElementById(id + '-slos');
        let made = [];
        d.tenants.forEach(t => { const o = document.createElement('option'); o.value = t.id; o.textContent = t.label; pick.appendChild(o); });
        function esc(s) { return String(s).replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c])); }
        function show(tid) {
          made.forEach(c => c.destroy()); made = []; box.innerHTML = '';
          const rows = (d.slos[tid] || []);
          slos.innerHTML = rows.length === 0 ? '<p class="sub">No telemetry for this tenant.</p>'
            : '<table><tr><th>SLO</th><th>SLI</th><th>budget left</th><th>1h</th><th>5m</th><th>6h</th><th>30m</th><th>firing</th></tr>'
              + rows.map(r => '<tr><td>' + esc(r.slo) + '</td><td>' + esc(r.sli) + '</td><td>' + esc(r.budget) + '</td><td>' + esc(r.burn1h)
                + '</td><td>' + esc(r.burn5m) + '</td><td>' + esc(r.burn6h) + '</td><td>' + esc(r.burn30m) + '</td><td'
                + (r.firing ? ' class="bad"' : '') + '>' + esc(r.firing || '-') + '</td></tr>').join('') + '</table>';
          const series = d.series[tid] || {};
          d.metrics.forEach(m => {
            const values = series[m.name];
            if (!values || values.every(v => v === null)) return;
            const card = document.createElement('div'); card.className = 'card';
            card.innerHTML = '<h3>' + esc(m.title) + '</h3><div class="sub">' + esc(m.unit) + (m.target === null ? '' : ', SLO ' + esc(m.op) + ' ' + m.target) + '</div>';
            const canvas = document.createElement('canvas'); card.appendChild(canvas); box.appendChild(card);
            const ds = [{label: tid, data: values, spanGaps: true}];
            if (m.target !== null) ds.push({label: 'SLO target', data: m.labels.map(() => m.target), borderDash: [6, 4], pointRadius: 0});
            made.push(new Chart(canvas, {type: 'line', data: {labels: m.labels, datasets: ds},
              options: {responsive: true, animation: false, scales: {y: {beginAtZero: true}}}}));
          });
        }
        pick.addEventListener('change', () => show(pick.value));
        if (d.tenants.length > 0) show(d.tenants[0].id);
      }
      """;

  /** Number of charts added so far. */
  public int chartCount() {
    return charts.size();
  }

  /** The complete HTML document. @throws IllegalStateException if Chart.js is not on the classpath */
  public String render() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
        + "<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}"
        + ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:1rem}"
        + ".card{border:1px solid #ddd;border-radius:8px;padding:1rem}.sub{color:#666;font-size:.85rem}"
        + "h3{margin:.2rem 0}.grid>h2,.grid>p{grid-column:1/-1;margin:.5rem 0 0}.wide{grid-column:1/-1}"
        + "table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}th,td{border-bottom:1px solid #eee;padding:.2rem .6rem;text-align:left}"
        + "th{background:#f6f6f6}td.bad{color:#b00020;font-weight:600}select{font-size:1rem;margin:.5rem 0}</style>\n"
        + "<script>" + scriptSafe(chartJs()) + "</script><script>" + EXPLORER_JS + "</script></head><body>\n"
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
