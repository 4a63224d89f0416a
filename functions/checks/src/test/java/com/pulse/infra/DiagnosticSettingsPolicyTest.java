package com.pulse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.infra.BicepFile.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "Diagnostic settings on every resource" (docs/ARCHITECTURE.md §9): every declared resource is either of a type
 * that emits resource logs/metrics - and then a {@code Microsoft.Insights/diagnosticSettings} in the
 * same file is scoped to it and sends to the workspace - or of a type listed below with the reason
 * it has no diagnostic setting of its own. A new resource type fails the test until it is classified.
 */
final class DiagnosticSettingsPolicyTest {

  /** Types with diagnostic categories; each instance needs its own setting. */
  private static final Set<String> DIAGNOSABLE = Set.of(
      "Microsoft.Web/sites",
      "Microsoft.Web/serverfarms",
      "Microsoft.Storage/storageAccounts",
      "Microsoft.Storage/storageAccounts/blobServices",
      "Microsoft.EventHub/namespaces",
      "Microsoft.DocumentDB/databaseAccounts",
      "Microsoft.Kusto/clusters",
      "Microsoft.KeyVault/vaults",
      "Microsoft.Communication/communicationServices",
      "Microsoft.OperationalInsights/workspaces",
      "Microsoft.Network/virtualNetworks",
      "Microsoft.Sql/servers/databases");

  /** Types without a diagnostic setting of their own, and why that is fine. */
  private static final Map<String, String> NOT_APPLICABLE = Map.ofEntries(
      Map.entry("Microsoft.Insights/diagnosticSettings", "is the setting itself"),
      Map.entry("Microsoft.Insights/components", "workspace-based: all its telemetry is stored in the workspace"),
      Map.entry("Microsoft.Authorization/roleAssignments", "RBAC changes are in the subscription Activity log"),
      Map.entry("Microsoft.ManagedIdentity/userAssignedIdentities", "no categories; sign-ins are in Entra ID logs"),
      Map.entry("Microsoft.Resources/resourceGroups", "Activity log"),
      Map.entry("Microsoft.Web/sites/config", "child of the site: changes in the Activity log, auth events in FunctionAppLogs"),
      Map.entry("Microsoft.Web/sites/basicPublishingCredentialsPolicies", "child of the site (policy switch)"),
      Map.entry("Microsoft.Storage/storageAccounts/blobServices/containers", "logged by the blobServices setting (StorageRead/Write/Delete)"),
      Map.entry("Microsoft.EventHub/namespaces/eventhubs", "logged by the namespace setting"),
      Map.entry("Microsoft.EventHub/namespaces/eventhubs/consumergroups", "logged by the namespace setting"),
      Map.entry("Microsoft.EventHub/namespaces/networkRuleSets", "logged by the namespace setting"),
      Map.entry("Microsoft.DocumentDB/databaseAccounts/sqlDatabases", "logged by the account setting"),
      Map.entry("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers", "logged by the account setting"),
      Map.entry("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments", "ControlPlaneRequests of the account setting"),
      Map.entry("Microsoft.Kusto/clusters/databases", "logged by the cluster setting (Command, Query, ingestion)"),
      Map.entry("Microsoft.Kusto/clusters/databases/scripts", "runs as Command: logged by the cluster setting"),
      Map.entry("Microsoft.Kusto/clusters/databases/dataConnections", "Succeeded/FailedIngestion of the cluster setting"),
      Map.entry("Microsoft.Kusto/clusters/databases/principalAssignments", "Command/Journal of the cluster setting"),
      Map.entry("Microsoft.KeyVault/vaults/secrets", "AuditEvent of the vault setting"),
      Map.entry("Microsoft.Communication/emailServices", "no categories; mail logs are emitted by communicationServices"),
      Map.entry("Microsoft.Communication/emailServices/domains", "no categories; mail logs are emitted by communicationServices"),
      Map.entry("Microsoft.Communication/emailServices/domains/senderUsernames", "no categories"),
      Map.entry("Microsoft.Network/privateEndpoints", "no log categories; traffic shows in the target's own logs"),
      Map.entry("Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "child of the private endpoint"),
      Map.entry("Microsoft.Network/privateDnsZones", "no diagnostic categories"),
      Map.entry("Microsoft.Insights/actionGroups", "no log categories; notifications show in the Activity log and alert history"),
      Map.entry("Microsoft.Insights/metricAlerts", "no log categories; firings are in the Activity log (Alert category, sent to the workspace)"),
      Map.entry("Microsoft.Insights/scheduledQueryRules", "firings are in the Activity log (Alert category, sent to the workspace)"),
      Map.entry("Microsoft.AlertsManagement/actionRules", "no log categories; changes are in the Activity log"),
      Map.entry("Microsoft.Insights/workbooks", "no log categories; changes are in the Activity log"),
      Map.entry("Microsoft.Network/privateDnsZones/virtualNetworkLinks", "no diagnostic categories"),
      Map.entry("Microsoft.Sql/servers", "no categories of its own; each database has its setting"),
      Map.entry("Microsoft.Sql/servers/firewallRules", "changes are in the Activity log"));

  @Test
  void everyDeclaredResourceIsCoveredOrExplicitlyExempt() {
    List<String> violations = new ArrayList<>();
    int covered = 0;
    for (BicepFile file : BicepSources.all()) {
      for (Resource r : file.resources()) {
        if (r.existing()) {
          continue;
        }
        String where = file.path().getFileName() + " '" + r.symbol() + "' (" + r.type() + ")";
        if (DIAGNOSABLE.contains(r.type())) {
          Optional<Resource> setting = settingFor(file, r.symbol());
          if (setting.isEmpty()) {
            violations.add(where + ": no diagnostic setting scoped to it");
          } else if (setting.get().value("workspaceId").isEmpty()) {
            violations.add(where + ": diagnostic setting does not send to the Log Analytics workspace");
          } else {
            covered++;
          }
        } else if (!NOT_APPLICABLE.containsKey(r.type())) {
          violations.add(where + ": unclassified type - add a diagnostic setting or a reason in NOT_APPLICABLE");
        }
      }
    }
    assertThat(violations).isEmpty();
    assertThat(covered).isGreaterThanOrEqualTo(DIAGNOSABLE.size());
  }

  @Test
  void theLogsAuditorsAndOnCallNeedAreEnabled() {
    assertThat(categories("modules/keyvault.bicep", "vault")).contains("AuditEvent");
    assertThat(categories("modules/cosmos.bicep", "account")).contains("DataPlaneRequests", "ControlPlaneRequests");
    assertThat(categories("modules/kusto.bicep", "cluster"))
        .contains("Command", "Query", "SucceededIngestion", "FailedIngestion");
    assertThat(categories("modules/functionapp.bicep", "site")).contains("FunctionAppLogs");
    assertThat(categories("modules/storage.bicep", "blobService")).contains("StorageRead", "StorageWrite", "StorageDelete");
    assertThat(settingFor(BicepSources.file("modules/eventhubs.bicep"), "namespace").orElseThrow().body())
        .contains("categoryGroup: 'allLogs'");
  }

  private static List<String> categories(String file, String symbol) {
    Resource setting = settingFor(BicepSources.file(file), symbol).orElseThrow(() -> new AssertionError(file + " " + symbol));
    return java.util.regex.Pattern.compile("category: '(\\w+)'").matcher(setting.body()).results()
        .map(m -> m.group(1)).toList();
  }

  private static Optional<Resource> settingFor(BicepFile file, String symbol) {
    return file.resources().stream()
        .filter(d -> d.type().equals("Microsoft.Insights/diagnosticSettings"))
        .filter(d -> d.value("scope").filter(symbol::equals).isPresent())
        .findFirst();
  }
}
