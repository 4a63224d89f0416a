package com.pulse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.infra.BicepFile.Module;
import com.pulse.infra.BicepFile.Param;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a Bicep compiler would catch first, checked on the text: every module call passes only
 * parameters the module declares and all it requires, files loaded with {@code loadTextContent}
 * exist, each {@code .bicepparam} sets only parameters of main.bicep and all required ones, and
 * the function app carries the azd service tag.
 */
final class BicepWiringTest {

  @Test
  void everyModuleCallMatchesTheModuleParameters() {
    List<String> violations = new ArrayList<>();
    for (BicepFile caller : BicepSources.all()) {
      for (Module module : caller.modules()) {
        Path target = caller.path().getParent().resolve(module.path()).normalize();
        if (!Files.isRegularFile(target)) {
          violations.add(caller.path().getFileName() + " module " + module.symbol() + ": missing file " + module.path());
          continue;
        }
        Map<String, Param> declared = BicepFile.read(target).params();
        for (String passed : module.paramNames()) {
          if (!declared.containsKey(passed)) {
            violations.add(module.symbol() + ": passes '" + passed + "' that " + module.path() + " does not declare");
          }
        }
        declared.values().stream()
            .filter(p -> !p.hasDefault() && !module.paramNames().contains(p.name()))
            .forEach(p -> violations.add(module.symbol() + ": required parameter '" + p.name() + "' not passed"));
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyModuleOutputReferencedIsDeclaredByThatModule() {
    List<String> violations = new ArrayList<>();
    int references = 0;
    for (BicepFile caller : BicepSources.all()) {
      Map<String, Path> modules = caller.modules().stream().collect(Collectors.toMap(
          Module::symbol, m -> caller.path().getParent().resolve(m.path()).normalize()));
      Matcher inText = Pattern.compile("\\b(\\w+)!?\\.outputs\\.(\\w+)").matcher(caller.text());
      while (inText.find()) {
        if (!modules.containsKey(inText.group(1))) {
          continue;
        }
        references++;
        Set<String> outputs = BicepFile.read(modules.get(inText.group(1))).outputs().stream()
            .map(BicepFile.Output::name).collect(Collectors.toSet());
        if (!outputs.contains(inText.group(2))) {
          violations.add(caller.path().getFileName() + " line " + caller.lineOf(inText.start()) + ": "
              + inText.group(1) + ".outputs." + inText.group(2) + " is not an output of " + modules.get(inText.group(1)).getFileName());
        }
      }
    }
    assertThat(references).isGreaterThanOrEqualTo(40);
    assertThat(violations).isEmpty();
  }

  @Test
  void parentScopeAndDependsOnNameDeclaredSymbols() {
    List<String> violations = new ArrayList<>();
    Pattern reference = Pattern.compile("(?m)^\\s*(parent|scope):\\s*(\\w+)\\s*$");
    Pattern dependsOn = Pattern.compile("(?m)^\\s*dependsOn:\\s*\\[([^\\]]*)\\]");
    for (BicepFile file : BicepSources.all()) {
      Set<String> symbols = new TreeSet<>();
      file.resources().forEach(r -> symbols.add(r.symbol()));
      file.modules().forEach(m -> symbols.add(m.symbol()));
      String code = file.codeOnly();
      Matcher m = reference.matcher(code);
      while (m.find()) {
        if (!symbols.contains(m.group(2))) {
          violations.add(file.path().getFileName() + " line " + file.lineOf(m.start()) + ": " + m.group(1) + " " + m.group(2));
        }
      }
      Matcher d = dependsOn.matcher(code);
      while (d.find()) {
        for (String name : d.group(1).split("[,\\s]+")) {
          if (!name.isBlank() && !symbols.contains(name)) {
            violations.add(file.path().getFileName() + " line " + file.lineOf(d.start()) + ": dependsOn " + name);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void alertsAndWorkbooksAreWiredWithTheAgreedParameters() {
    Map<String, Module> modules = BicepSources.main().modules().stream()
        .collect(Collectors.toMap(Module::symbol, m -> m));

    assertThat(modules.get("alerts").path()).isEqualTo("modules/alerts.bicep");
    assertThat(modules.get("alerts").paramNames()).containsExactlyInAnyOrder(
        "location", "tags", "logAnalyticsWorkspaceId", "appInsightsId", "functionAppId", "eventHubNamespaceId",
        "cosmosAccountId", "keyVaultId", "adxClusterId", "alertIdentityId", "onCallEmails", "onCallSmsNumbers",
        "onCallWebhookUrl", "customerEngineeringEmails", "runbookBaseUrl");
    assertThat(modules.get("workbooks").path()).isEqualTo("modules/workbooks.bicep");
    assertThat(modules.get("workbooks").paramNames()).containsExactlyInAnyOrder(
        "location", "tags", "appInsightsId", "logAnalyticsWorkspaceId", "adxClusterUri", "adxDatabaseName");
  }

  @Test
  void loadedTextFilesExistAndAdxScriptsRunInOrder() {
    Pattern load = Pattern.compile("loadTextContent\\('([^']+)'\\)");
    List<String> loaded = new ArrayList<>();
    for (BicepFile file : BicepSources.all()) {
      Matcher m = load.matcher(file.text());
      while (m.find()) {
        Path target = file.path().getParent().resolve(m.group(1)).normalize();
        assertThat(target).as("%s loads %s", file.path().getFileName(), m.group(1)).isRegularFile();
        loaded.add(target.getFileName().toString());
      }
    }
    assertThat(loaded.stream().filter(name -> name.endsWith(".kql")).distinct()).containsExactly(
        "01-tables.kql", "02-mappings.kql", "03-views.kql", "04-functions.kql");
    String kusto = BicepSources.file("modules/kusto.bicep").text();
    assertThat(kusto)
        .contains("dependsOn: [ tablesScript ]")
        .contains("dependsOn: [ mappingsScript ]")
        .contains("dependsOn: [ viewsScript ]")
        .contains("dependsOn: [ mappingsScript, clusterReceivesMetrics ]");
  }

  @Test
  void dataConnectionUsesIdentityAndDynamicRouting() {
    BicepFile.Resource connection = BicepSources.file("modules/kusto.bicep").resources().stream()
        .filter(r -> r.type().equals("Microsoft.Kusto/clusters/databases/dataConnections")).findFirst().orElseThrow();

    assertThat(connection.value("kind")).hasValue("'EventHub'");
    assertThat(connection.value("managedIdentityResourceId")).hasValue("cluster.id");
    assertThat(connection.value("consumerGroup")).hasValue("metricsOutConsumerGroup");
    assertThat(connection.value("dataFormat")).hasValue("'JSON'");
    assertThat(connection.value("tableName")).hasValue("''");
    assertThat(connection.value("mappingRuleName")).hasValue("''");
    // The mappings the export refers to in IngestionMappingReference exist in the deployed script.
    assertThat(read(BicepSources.bicepDir().resolve("adx/02-mappings.kql")))
        .contains("ingestion json mapping \"MetricPointsMapping\"")
        .contains("ingestion json mapping \"TelemetryWindowsMapping\"");
  }

  @Test
  void parameterFilesSetOnlyDeclaredParametersAndAllRequiredOnes() throws IOException {
    Map<String, Param> main = BicepSources.main().params();
    Set<String> required = main.values().stream().filter(p -> !p.hasDefault()).map(Param::name)
        .collect(Collectors.toCollection(TreeSet::new));
    List<Path> files = BicepSources.paths(".bicepparam");

    assertThat(files.stream().map(p -> p.getFileName().toString())).contains("dev.bicepparam", "prod.bicepparam");
    for (Path file : files) {
      String text = Files.readString(file);
      Set<String> set = Pattern.compile("(?m)^param\\s+(\\w+)\\s*=").matcher(text).results()
          .map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
      assertThat(text).as(file.toString()).contains("using 'main.bicep'");
      assertThat(main.keySet()).as("parameters of main.bicep set in %s", file.getFileName()).containsAll(set);
      assertThat(set).as("required parameters set in %s", file.getFileName()).containsAll(required);
    }
    JsonNode azdParams = new ObjectMapper().readTree(BicepSources.bicepDir().resolve("main.parameters.json").toFile())
        .get("parameters");
    azdParams.fieldNames().forEachRemaining(name -> assertThat(main).as("main.parameters.json").containsKey(name));
    assertThat(azdParams.get("environmentName").get("value").asText()).isEqualTo("${AZURE_ENV_NAME}");
    assertThat(azdParams.get("location").get("value").asText()).isEqualTo("${AZURE_LOCATION}");
  }

  @Test
  void azdFindsTheAppByItsServiceTag() {
    // azure.yaml (repository root) names the service pulse: DeploymentReadinessTest checks the file.
    assertThat(BicepSources.file("modules/functionapp.bicep").text())
        .contains("param azdServiceName string = 'pulse'")
        .contains("'azd-service-name': azdServiceName");
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
