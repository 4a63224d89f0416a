package com.pulse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.infra.BicepFile.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Security and completeness policies of {@code bicep/}, checked on the text (docs/SECURITY.md).
 * Each test names the file and resource that breaks a rule. What text checks cannot verify (types,
 * API-version validity, deploy-time behaviour) is listed in docs/DEPLOY.md, section "infra".
 */
final class BicepPolicyTest {

  private static final List<BicepFile> FILES = BicepSources.all();

  private static List<Resource> declared() {
    return FILES.stream().flatMap(f -> f.resources().stream()).filter(r -> !r.existing()).toList();
  }

  private static List<Resource> declared(String type) {
    return declared().stream().filter(r -> r.type().equals(type)).toList();
  }

  @Test
  void everyResourceKindOfTheSystemIsDeclared() {
    Set<String> types = declared().stream().map(Resource::type).collect(Collectors.toSet());

    assertThat(types).contains(
        "Microsoft.ManagedIdentity/userAssignedIdentities",
        "Microsoft.Web/serverfarms",
        "Microsoft.Web/sites",
        "Microsoft.Web/sites/config",
        "Microsoft.Storage/storageAccounts",
        "Microsoft.Storage/storageAccounts/blobServices/containers",
        "Microsoft.EventHub/namespaces",
        "Microsoft.EventHub/namespaces/eventhubs",
        "Microsoft.EventHub/namespaces/eventhubs/consumergroups",
        "Microsoft.DocumentDB/databaseAccounts",
        "Microsoft.DocumentDB/databaseAccounts/sqlDatabases",
        "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers",
        "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments",
        "Microsoft.Kusto/clusters",
        "Microsoft.Kusto/clusters/databases",
        "Microsoft.Kusto/clusters/databases/scripts",
        "Microsoft.Kusto/clusters/databases/dataConnections",
        "Microsoft.Kusto/clusters/databases/principalAssignments",
        "Microsoft.KeyVault/vaults",
        "Microsoft.KeyVault/vaults/secrets",
        "Microsoft.Communication/communicationServices",
        "Microsoft.Communication/emailServices",
        "Microsoft.Communication/emailServices/domains",
        "Microsoft.OperationalInsights/workspaces",
        "Microsoft.Insights/components",
        "Microsoft.Insights/diagnosticSettings",
        "Microsoft.Authorization/roleAssignments",
        "Microsoft.Network/virtualNetworks",
        "Microsoft.Network/privateEndpoints",
        "Microsoft.Network/privateDnsZones");
  }

  @Test
  void functionAppIsFlexConsumptionJava17WithIdentityBasedDeploymentAndAlwaysReady() {
    Resource plan = only("Microsoft.Web/serverfarms");
    Resource site = only("Microsoft.Web/sites");

    assertThat(plan.body()).contains("name: 'FC1'").contains("tier: 'FlexConsumption'");
    assertThat(site.has("kind", "'functionapp,linux'")).isTrue();
    assertThat(site.body())
        .contains("runtime: { name: 'java', version: '17' }")
        .contains("type: 'UserAssignedIdentity'")
        .contains("alwaysReady: alwaysReady")
        .contains("instanceMemoryMB: instanceMemoryMB")
        .contains("type: 'UserAssigned'");
    assertThat(site.has("httpsOnly", "true")).isTrue();
  }

  @Test
  void httpApiIsBehindEntraIdAuthentication() {
    Resource auth = declared("Microsoft.Web/sites/config").stream()
        .filter(r -> r.has("name", "'authsettingsV2'")).findFirst().orElseThrow();

    assertThat(auth.body())
        .contains("requireAuthentication: true")
        .contains("unauthenticatedClientAction: 'Return401'")
        .contains("azureActiveDirectory:");
  }

  @Test
  void eventHubsHasItsHubsAndTheirConsumerGroups() {
    BicepFile eh = BicepSources.file("modules/eventhubs.bicep");
    assertThat(eh.text()).contains("var telemetryHubName = 'telemetry'").contains("var metricsOutHubName = 'metrics-out'")
        .contains("var logsHubName = 'otlp_logs'")
        .contains("var otlpMetricsHubName = 'otlp_metrics'");
    Map<String, List<String>> groups = declared("Microsoft.EventHub/namespaces/eventhubs/consumergroups").stream()
        .collect(Collectors.groupingBy(r -> r.value("name").orElseThrow(),
            Collectors.mapping(r -> r.value("parent").orElseThrow(), Collectors.toList())));

    assertThat(groups.get("'pulse'")).containsExactlyInAnyOrder("telemetryHub", "logsHub", "otlpMetricsHub");
    assertThat(groups.get("'adx'")).containsExactly("metricsOutHub");
    // recovery reads need their own group: the trigger's receivers on `pulse` are exclusive (epoch)
    assertThat(groups.get("'pulse-recovery'")).containsExactlyInAnyOrder("telemetryHub", "logsHub", "otlpMetricsHub");
    assertThat(only("Microsoft.EventHub/namespaces/eventhubs", "telemetryHub").body())
        .contains("partitionCount: telemetryPartitionCount")
        .contains("encoding: 'Avro'")
        .contains("identity: { type: 'SystemAssigned' }");
    assertThat(only("Microsoft.EventHub/namespaces/eventhubs", "logsHub").body())
        .contains("partitionCount: logsPartitionCount");
  }

  @Test
  void cosmosContainersHaveTheirPartitionKeysAndTtls() {
    String cosmos = BicepSources.file("modules/cosmos.bicep").text();

    Map<String, String> expected = Map.of(
        "metrics", "/tenantId", "windows", "/tenantId", "jobs", "/metric",
        "deadletter", "/partition", "notifications", "/tenantId", "progress", "/scope");
    expected.forEach((name, pk) -> assertThat(cosmos)
        .as("container %s with partition key %s", name, pk)
        .containsPattern("name: '" + name + "'\\s*\\n\\s*partitionKey: '" + Pattern.quote(pk) + "'"));
    assertThat(cosmos)
        .containsPattern("name: 'windows'[^}]*defaultTtl: windowsTtlSeconds")
        .containsPattern("name: 'deadletter'[^}]*defaultTtl: deadLetterTtlSeconds")
        .contains("excludedPaths: [ { path: '/*' } ]")
        .contains("'/granularity/?', '/windowStart/?'");
    assertThat(only("Microsoft.DocumentDB/databaseAccounts").body()).contains("type: 'Continuous'");
  }

  /**
   * Every property a Cosmos query of the code sorts on is in its container's {@code includedPaths}:
   * with {@code '/*'} excluded, ORDER BY on an unindexed path fails in Cosmos DB (a range index is
   * required), which no local test can show (the local server runs no queries for the Java SDK).
   */
  @Test
  void everyCosmosOrderByPathIsIndexed() {
    String cosmos = BicepSources.file("modules/cosmos.bicep").text();
    Map<String, String> queryByContainer = Map.of(
        "windows", com.pulse.adapter.cosmos.CosmosQueries.windowRange("t", "PT1M", java.time.Instant.EPOCH,
            java.time.Instant.EPOCH.plusSeconds(60)).getQueryText(),
        "deadletter", com.pulse.adapter.cosmos.CosmosQueries.oldestDeadLetters(1).getQueryText());
    queryByContainer.forEach((container, query) -> {
      Matcher order = Pattern.compile("ORDER BY c\\.(\\w+)").matcher(query);
      assertThat(order.find()).as("ORDER BY in %s", query).isTrue();
      Matcher paths = Pattern.compile("name: '" + container + "'[^}]*includedPaths: \\[([^\\]]*)\\]").matcher(cosmos);
      assertThat(paths.find()).as("includedPaths of container %s", container).isTrue();
      assertThat(paths.group(1)).as("container %s indexes the ORDER BY path of %s", container, query)
          .contains("'/" + order.group(1) + "/?'");
    });
  }

  @Test
  void localAuthAndSharedKeysAreOffWhereTheServiceAllowsIt() {
    List<String> violations = new ArrayList<>();
    require(violations, "Microsoft.Storage/storageAccounts", r -> r.has("allowSharedKeyAccess", "false"), "allowSharedKeyAccess: false");
    require(violations, "Microsoft.Storage/storageAccounts", r -> r.has("allowBlobPublicAccess", "false"), "allowBlobPublicAccess: false");
    require(violations, "Microsoft.EventHub/namespaces", r -> r.has("disableLocalAuth", "true"), "disableLocalAuth: true");
    require(violations, "Microsoft.DocumentDB/databaseAccounts", r -> r.has("disableLocalAuth", "true"), "disableLocalAuth: true");
    require(violations, "Microsoft.DocumentDB/databaseAccounts",
        r -> r.has("disableKeyBasedMetadataWriteAccess", "true"), "disableKeyBasedMetadataWriteAccess: true");
    require(violations, "Microsoft.Insights/components", r -> r.has("DisableLocalAuth", "true"), "DisableLocalAuth: true");
    require(violations, "Microsoft.OperationalInsights/workspaces", r -> r.body().contains("disableLocalAuth: true"), "features.disableLocalAuth");
    require(violations, "Microsoft.KeyVault/vaults", r -> r.has("enableRbacAuthorization", "true"), "enableRbacAuthorization: true");
    // purge protection per environment (prod on): DeploymentReadinessTest
    require(violations, "Microsoft.KeyVault/vaults", r -> r.has("enablePurgeProtection", "enablePurgeProtection ? true : null"),
        "enablePurgeProtection from the environment's parameter");
    require(violations, "Microsoft.KeyVault/vaults", r -> r.has("enableSoftDelete", "true"), "enableSoftDelete: true");
    require(violations, "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
        r -> r.has("properties", "{ allow: false }"), "basic publishing credentials off");

    assertThat(violations).isEmpty();
    assertThat(declared("Microsoft.Web/sites/basicPublishingCredentialsPolicies")).hasSize(2);
  }

  @Test
  void tlsMinimumIs12Everywhere() {
    List<String> violations = new ArrayList<>();
    require(violations, "Microsoft.Storage/storageAccounts", r -> r.has("minimumTlsVersion", "'TLS1_2'"), "minimumTlsVersion: 'TLS1_2'");
    require(violations, "Microsoft.EventHub/namespaces", r -> r.has("minimumTlsVersion", "'1.2'"), "minimumTlsVersion: '1.2'");
    require(violations, "Microsoft.DocumentDB/databaseAccounts", r -> r.has("minimalTlsVersion", "'Tls12'"), "minimalTlsVersion: 'Tls12'");
    require(violations, "Microsoft.Web/sites", r -> r.has("minTlsVersion", "'1.2'") && r.has("scmMinTlsVersion", "'1.2'"), "minTlsVersion '1.2'");

    assertThat(violations).isEmpty();
  }

  @Test
  void privateNetworkingSwitchClosesPublicAccessAndAddsEndpoints() {
    String closed = "enablePrivateNetworking ? 'Disabled' : 'Enabled'";
    assertThat(only("Microsoft.Storage/storageAccounts").has("publicNetworkAccess", closed)).isTrue();
    assertThat(only("Microsoft.DocumentDB/databaseAccounts").has("publicNetworkAccess", closed)).isTrue();
    assertThat(only("Microsoft.KeyVault/vaults").has("publicNetworkAccess", closed)).isTrue();
    // Event Hubs stays reachable for trusted services (the ADX data connection) only.
    assertThat(only("Microsoft.EventHub/namespaces/networkRuleSets").body())
        .contains("defaultAction: enablePrivateNetworking ? 'Deny' : 'Allow'")
        .contains("trustedServiceAccessEnabled: true");
    BicepFile main = BicepSources.main();
    assertThat(main.text())
        .contains("module network 'modules/network.bicep' = if (enablePrivateNetworking)")
        .contains("virtualNetworkSubnetId: enablePrivateNetworking ? network.outputs.appSubnetId : ''");
    assertThat(main.modules().stream().filter(m -> m.path().equals("modules/private-endpoint.bicep")))
        .extracting(BicepFile.Module::symbol)
        .containsExactlyInAnyOrder("blobEndpoint", "eventHubsEndpoint", "cosmosEndpoint", "keyVaultEndpoint");
    assertThat(Pattern.compile("module \\w+Endpoint 'modules/private-endpoint\\.bicep' = if \\(enablePrivateNetworking\\)")
        .matcher(main.text()).results().count()).isEqualTo(4);
  }

  @Test
  void noKeyIsListedOrWrittenAnywhere() {
    Pattern forbidden = Pattern.compile(
        "(?i)listKeys\\(|listConnectionStrings\\(|listAccountSas\\(|listServiceSas\\(|AccountKey=|SharedAccessKey=|primaryMasterKey|primaryKey");
    List<String> hits = new ArrayList<>();
    for (var path : BicepSources.paths("")) {
      if (path.toFile().isFile()) {
        String text = read(path);
        Matcher m = forbidden.matcher(text);
        while (m.find()) {
          hits.add(path.getFileName() + ": " + m.group());
        }
      }
    }
    assertThat(hits).isEmpty();
  }

  @Test
  void secretsArriveOnlyThroughSecureParameters() {
    assertThat(BicepSources.main().params().get("warehouseConnectionString").secure()).isTrue();
    assertThat(BicepSources.main().params().get("onCallWebhookUrl").secure()).isTrue();
    assertThat(BicepSources.file("modules/keyvault.bicep").params().get("warehouseConnectionString").secure()).isTrue();
    // The only secret resource is created from that parameter, and only when it is given.
    Resource secret = only("Microsoft.KeyVault/vaults/secrets");
    assertThat(secret.has("value", "warehouseConnectionString")).isTrue();
    assertThat(BicepSources.file("modules/keyvault.bicep").text())
        .containsPattern("resource warehouseSecret 'Microsoft.KeyVault/vaults/secrets@[0-9a-z-]+' = if \\(!empty\\(warehouseConnectionString\\)\\)");
  }

  @Test
  void deploymentOutputsNeverCarryAKeyOrConnectionString() {
    // azd writes every output to .azure/<env>/.env; KEY_VAULT_URI / keyVault.* are names, not keys.
    Pattern secretish = Pattern.compile("(?i)secret|password|connectionstring|\\bsas\\b|key(?!_?vault)");
    List<BicepFile.Output> outputs = BicepSources.main().outputs();

    assertThat(outputs).isNotEmpty();
    assertThat(outputs).allSatisfy(o -> assertThat(o.name() + " = " + o.expression())
        .as("output %s", o.name())
        .doesNotContainPattern(secretish));
  }

  private static void require(List<String> violations, String type, Predicate<Resource> rule, String what) {
    List<Resource> resources = declared(type);
    if (resources.isEmpty()) {
      violations.add(type + ": not declared, cannot check " + what);
    }
    resources.stream().filter(rule.negate())
        .forEach(r -> violations.add(type + " '" + r.symbol() + "' (line " + r.line() + "): missing " + what));
  }

  private static Resource only(String type) {
    List<Resource> resources = declared(type);
    assertThat(resources).as(type).hasSize(1);
    return resources.get(0);
  }

  private static Resource only(String type, String symbol) {
    return declared(type).stream().filter(r -> r.symbol().equals(symbol)).findFirst().orElseThrow();
  }

  private static String read(java.nio.file.Path path) {
    try {
      return java.nio.file.Files.readString(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
