package com.pulse.cli;

import com.pulse.config.PulseConfig;
import com.pulse.config.Setting;

/**
 * Renders the {@link Setting} table as {@code docs/CONFIGURATION.md}: every app setting with its
 * type and rule, default, where it is read and what it means. A pure function of the table (table
 * order, no timestamps, {@code \n} line ends), so {@code ConfigurationDocTest} fails when the
 * committed file is stale. GitHub-flavoured Markdown; table cells escape {@code |}. Stateless.
 */
public final class ConfigurationMarkdown {
  /** Where the generated document lives, relative to the repository root. */
  public static final String DOCUMENT = "docs/CONFIGURATION.md";
  /** The table's source, as shown to readers. */
  public static final String SOURCE = "functions/app/src/main/java/com/pulse/config/Setting.java";

  private ConfigurationMarkdown() {}

  /** The document, ending with a newline. */
  public static String render() {
    StringBuilder md = new StringBuilder(8192);
    md.append("<!-- GENERATED from ").append(SOURCE).append(" by `pulse docs configuration`. Do not edit:\n")
        .append("     change the Setting table, then run ./mvnw -q test-compile exec:java -Dexec.args=\"docs configuration\".\n")
        .append("     ConfigurationDocTest fails when this file is stale. -->\n")
        .append("# Configuration\n\n")
        .append("Pulse reads its app settings (environment variables; `local.settings.json` under Core Tools; flags\n")
        .append("merged over the environment in the CLI) once at start-up into one typed value, `PulseConfig`.\n")
        .append("Every setting that breaks its rule is reported at once, one line each (`NAME='value': rule`):\n")
        .append("the CLI prints the list and exits; in the Functions host every invocation fails with it.\n")
        .append("A blank value counts as unset. An Azure service whose setting is unset is replaced by the\n")
        .append("embedded local adapter (in-process stores, JSON-lines export, outbox files, no-op telemetry),\n")
        .append("and no Azure client or credential is created for it. The Functions host has no embedded\n")
        .append("warehouse: `WarehouseMetrics` fails until `WAREHOUSE_JDBC_URL` or\n")
        .append("`WAREHOUSE_CONNECTION_SECRET_NAME` is set. Local secrets without Key Vault are read from\n")
        .append('`').append(PulseConfig.LOCAL_SECRET_PREFIX).append("<NAME>` variables.\n\n")
        .append("| setting | type and rule | default | read by | meaning |\n")
        .append("| --- | --- | --- | --- | --- |\n");
    for (Setting s : Setting.values()) {
      md.append("| `").append(s.key()).append("` | ").append(cell(s.type().rule())).append(" | ")
          .append(s.defaultValue().map(d -> "`" + d + "`").orElse("—")).append(" | ")
          .append(s.use().label()).append(" | ").append(cell(s.description())).append(" |\n");
    }
    md.append("\nRead by: *Azure and local* — Pulse reads it in both; *Azure* — Pulse's Azure adapters (set it\n")
        .append("locally only to use the real service); *Functions host* — the host reads it for a trigger\n")
        .append("(`%NAME%` placeholders, identity-based connections) and Pulse only checks its rule; *local only* —\n")
        .append("the CLI and local runs. `bicep/main.bicep` sets every setting but the local-only ones\n")
        .append("(`AppSettingsPolicyTest`), and `functions/app/local.settings.template.json` lists them all with\n")
        .append("these defaults (`LocalSettingsTemplateTest`).\n");
    return md.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("*", "\\*").replace("\n", " ");
  }
}
