package com.pulse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.config.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every app setting the Java code reads is set by Bicep, and every setting Bicep sets is read by the
 * code (or by the Functions host, listed with a reason). The code side is computed, not listed:
 * the keys of the {@link Setting} table, every {@code %NAME%} placeholder in
 * {@code functions/app/src/main/java}, and every {@code connection = "Prefix"} of a binding
 * annotation (an identity-based connection prefix). Local-mode-only settings (the table's
 * {@link Setting.Use#LOCAL} rows) are not expected in Bicep.
 */
final class AppSettingsPolicyTest {

  /** Settings the platform reads, not Pulse code: allowed in Bicep without a constant. */
  private static final Map<String, String> HOST_OWNED = Map.of(
      "AzureWebJobsStorage__accountName", "Functions host storage over Entra ID (timers, checkpoints)",
      "AzureWebJobsStorage__credential", "Functions host storage over Entra ID",
      "AzureWebJobsStorage__clientId", "Functions host storage: which user-assigned identity",
      "APPLICATIONINSIGHTS_CONNECTION_STRING", "Functions host and Azure Monitor OpenTelemetry exporter",
      "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Entra ID ingestion (App Insights local auth is off)",
      "JAVA_APPLICATIONINSIGHTS_ENABLE_TELEMETRY", "host.json telemetryMode OpenTelemetry: the Java worker streams its own logs",
      "languageWorkers__java__arguments", "Functions host: extra JVM options of the Java worker (javaWorkerArguments, empty = unset)");

  /** Settings only local mode reads: the code has them, Azure does not need them. */
  private static final Map<String, String> LOCAL_ONLY = Arrays.stream(Setting.values())
      .filter(s -> s.use() == Setting.Use.LOCAL).collect(Collectors.toMap(Setting::key, Setting::description));

  private static final Pattern PLACEHOLDER = Pattern.compile("\"%([A-Za-z_][A-Za-z0-9_]*)%\"");
  private static final Pattern CONNECTION = Pattern.compile("\\bconnection\\s*=\\s*\"([^\"]+)\"");

  @Test
  void codeAndBicepAgreeOnAppSettingsBothWays() {
    Set<String> code = codeSettings();
    Set<String> bicep = bicepSettings();

    AppSettingsDiff diff = AppSettingsDiff.of(code, bicep, HOST_OWNED, LOCAL_ONLY);

    assertThat(code).as("settings found in the code").contains(Setting.AZURE_CLIENT_ID.key(), Setting.WAREHOUSE_METRICS_SCHEDULE.key());
    assertThat(diff.missingInBicep()).as("read by the code but not set in bicep/main.bicep coreAppSettings/optionalAppSettings").isEmpty();
    assertThat(diff.unusedInBicep()).as("set by Bicep but read by no code (add a Settings constant or remove it)").isEmpty();
  }

  @Test
  void identityBasedConnectionsUseTheUserAssignedIdentity() {
    String main = BicepSources.main().text();
    String functionApp = BicepSources.file("modules/functionapp.bicep").text();

    for (String prefix : new String[] {"TelemetryHub"}) {
      assertThat(main)
          .contains(prefix + "__fullyQualifiedNamespace: eventHubs.outputs.fullyQualifiedNamespace")
          .contains(prefix + "__credential: 'managedidentity'")
          .contains(prefix + "__clientId: identity.outputs.functionClientId");
    }
    assertThat(functionApp)
        .contains("AzureWebJobsStorage__credential: 'managedidentity'")
        .contains("AzureWebJobsStorage__clientId: identityClientId");
    assertThat(main).contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.outputs.functionClientId}'");
  }

  @Test
  void noKeyBasedOrFlexIncompatibleSettings() {
    // Flex Consumption takes runtime and package from functionAppConfig; a plain AzureWebJobsStorage
    // or content-share setting would need an account key.
    assertThat(bicepSettings()).doesNotContain(
        "AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE");
  }

  static Set<String> bicepSettings() {
    BicepFile main = BicepSources.main();
    Set<String> names = new TreeSet<>(main.objectVariableKeys("coreAppSettings"));
    names.addAll(main.objectVariableKeys("optionalAppSettings"));
    names.addAll(BicepSources.file("modules/functionapp.bicep").objectVariableKeys("hostSettings"));
    return names;
  }

  static Set<String> codeSettings() {
    Set<String> names = new TreeSet<>();
    for (Setting setting : Setting.values()) {
      names.add(setting.key());
    }
    Path sources = BicepSources.repositoryRoot().resolve("functions/app/src/main/java");
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
        String text = read(p);
        collect(PLACEHOLDER.matcher(text), names);
        collect(CONNECTION.matcher(text), names);
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static void collect(Matcher matcher, Set<String> into) {
    while (matcher.find()) {
      into.add(matcher.group(1));
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
