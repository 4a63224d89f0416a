package com.pulse.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two Bicep modules of this area, read as text (no Bicep compiler here): they declare exactly the
 * parameters {@code main.bicep} passes, load the files the checks cover, replace every deployment
 * token of the workbooks, and hold no key or secret.
 */
class MonitoringBicepModulesTest {

  private static final Pattern PARAM = Pattern.compile("(?m)^param (\\w+) ");
  private static final Pattern LOAD = Pattern.compile("load(?:Text|Yaml|Json)Content\\('([^']+)'\\)");

  @Test
  void alertsModuleTakesTheAgreedParameters() {
    String bicep = Repository.read("bicep/modules/alerts.bicep");

    assertThat(params(bicep)).containsExactly("location", "tags", "logAnalyticsWorkspaceId", "appInsightsId",
        "functionAppId", "eventHubNamespaceId", "cosmosAccountId", "keyVaultId", "adxClusterId", "alertIdentityId",
        "onCallEmails", "onCallSmsNumbers", "onCallWebhookUrl", "customerEngineeringEmails", "runbookBaseUrl",
        "maintenanceWindow");
    assertThat(bicep).contains("@secure()\nparam onCallWebhookUrl string");
    assertThat(bicep).contains("param maintenanceWindow object = {}");
  }

  @Test
  void workbooksModuleTakesTheAgreedParameters() {
    assertThat(params(Repository.read("bicep/modules/workbooks.bicep"))).containsExactly(
        "location", "tags", "appInsightsId", "logAnalyticsWorkspaceId", "adxClusterUri", "adxDatabaseName");
  }

  @Test
  void modulesLoadTheCheckedDefinitions() {
    assertThat(loads("bicep/modules/alerts.bicep")).containsExactly("../../alerting/alerts.yaml");
    assertThat(loads("bicep/modules/workbooks.bicep")).containsExactlyInAnyOrder(
        "../../dashboards/customer-metrics.workbook.json",
        "../../dashboards/pipeline-health.workbook.json",
        "../../dashboards/access-audit.workbook.json");
    for (String module : List.of("bicep/modules/alerts.bicep", "bicep/modules/workbooks.bicep")) {
      for (String path : loads(module)) {
        assertThat(Files.isRegularFile(Repository.root().resolve(module).getParent().resolve(path).normalize()))
            .as("%s loads %s", module, path).isTrue();
      }
    }
  }

  @Test
  void everyWorkbookTokenIsReplacedAtDeployment() {
    String bicep = Repository.read("bicep/modules/workbooks.bicep");
    for (String file : WorkbookDefinitionsTest.WORKBOOKS) {
      Matcher token = Pattern.compile("__PULSE_[A-Z_]+__").matcher(Repository.read(file));
      Set<String> tokens = new LinkedHashSet<>();
      while (token.find()) {
        tokens.add(token.group());
      }
      assertThat(tokens).as(file).isNotEmpty();
      tokens.forEach(t -> assertThat(bicep).as("%s replaces %s", file, t).contains("'" + t + "'"));
    }
  }

  @Test
  void noKeysOrSecretsInMonitoringFiles() {
    for (String file : List.of("bicep/modules/alerts.bicep", "bicep/modules/workbooks.bicep", "alerting/alerts.yaml",
        "dashboards/customer-metrics.workbook.json", "dashboards/pipeline-health.workbook.json",
        "dashboards/access-audit.workbook.json")) {
      assertThat(Repository.read(file)).as(file)
          .doesNotContain("listKeys(", "listConnectionStrings(", "AccountKey=", "SharedAccessKey", "InstrumentationKey=");
    }
  }

  private static List<String> params(String bicep) {
    List<String> names = new ArrayList<>();
    Matcher m = PARAM.matcher(bicep);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static List<String> loads(String module) {
    List<String> paths = new ArrayList<>();
    Matcher m = LOAD.matcher(Repository.read(module));
    while (m.find()) {
      paths.add(m.group(1));
    }
    return paths;
  }
}
