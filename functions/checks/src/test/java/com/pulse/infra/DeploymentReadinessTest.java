package com.pulse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pulse.infra.BicepFile.Param;
import com.pulse.infra.BicepFile.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The first-deployment failures of issue 12, each kept from coming back where reading the text can
 * see it (there is no Bicep compiler here; CI's {@code az bicep build} and the deployment are the
 * rest). Facts below were checked against the real resource type definitions
 * (Azure/bicep-types-az {@code generated/<provider>/<namespace>/<api-version>/types.json}, snapshot
 * 1f896de of 2026-08-20) and the Azure Verified Modules (Azure/bicep-registry-modules 9f9ea1a) on
 * 2026-11-30; docs/DEPLOY.md explains each fix to the deployer.
 */
final class DeploymentReadinessTest {
  /** Date the table below was verified. */
  static final String VERIFIED_ON = "2026-11-30";

  /**
   * API version per resource type, verified: each is the newest GA version in bicep-types-az with
   * every property Pulse sets present, writable and, for literals, in the enum. A declared version
   * may be newer (after the same check) but never older; a new type fails until it is added here.
   * Older than two years on {@link #VERIFIED_ON} only where no newer GA exists (noted).
   */
  static final Map<String, String> VERIFIED_API_VERSIONS = Map.ofEntries(
      Map.entry("Microsoft.AlertsManagement/actionRules", "2021-08-08"), // newest GA; AVM uses it too
      Map.entry("Microsoft.Authorization/roleAssignments", "2022-04-01"), // newest GA; AVM uses it too
      Map.entry("Microsoft.Communication/communicationServices", "2026-03-18"),
      Map.entry("Microsoft.Communication/emailServices", "2026-03-18"),
      Map.entry("Microsoft.Communication/emailServices/domains", "2026-03-18"),
      Map.entry("Microsoft.Communication/emailServices/domains/senderUsernames", "2026-03-18"),
      Map.entry("Microsoft.DocumentDB/databaseAccounts", "2026-03-15"),
      Map.entry("Microsoft.DocumentDB/databaseAccounts/sqlDatabases", "2026-03-15"),
      Map.entry("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers", "2026-03-15"),
      Map.entry("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments", "2026-03-15"),
      Map.entry("Microsoft.EventHub/namespaces", "2026-01-01"),
      Map.entry("Microsoft.EventHub/namespaces/eventhubs", "2026-01-01"),
      Map.entry("Microsoft.EventHub/namespaces/eventhubs/consumergroups", "2026-01-01"),
      Map.entry("Microsoft.EventHub/namespaces/networkRuleSets", "2026-01-01"),
      Map.entry("Microsoft.Insights/actionGroups", "2023-01-01"), // newest GA (AVM: 2024-10-01-preview)
      Map.entry("Microsoft.Insights/components", "2020-02-02"), // newest GA; AVM uses it too
      Map.entry("Microsoft.Insights/diagnosticSettings", "2021-05-01-preview"), // no GA with categoryGroup; AVM uses it
      Map.entry("Microsoft.Insights/metricAlerts", "2026-01-01"),
      Map.entry("Microsoft.Insights/scheduledQueryRules", "2026-03-01"),
      Map.entry("Microsoft.Insights/workbooks", "2023-06-01"), // newest GA
      Map.entry("Microsoft.KeyVault/vaults", "2026-02-01"),
      Map.entry("Microsoft.KeyVault/vaults/secrets", "2026-02-01"),
      Map.entry("Microsoft.Kusto/clusters", "2025-02-14"),
      Map.entry("Microsoft.Kusto/clusters/databases", "2025-02-14"),
      Map.entry("Microsoft.Kusto/clusters/databases/dataConnections", "2025-02-14"),
      Map.entry("Microsoft.Kusto/clusters/databases/principalAssignments", "2025-02-14"),
      Map.entry("Microsoft.Kusto/clusters/databases/scripts", "2025-02-14"),
      Map.entry("Microsoft.ManagedIdentity/userAssignedIdentities", "2024-11-30"),
      Map.entry("Microsoft.Network/privateDnsZones", "2024-06-01"),
      Map.entry("Microsoft.Network/privateDnsZones/virtualNetworkLinks", "2024-06-01"),
      Map.entry("Microsoft.Network/privateEndpoints", "2025-09-01"),
      Map.entry("Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "2025-09-01"),
      Map.entry("Microsoft.Network/virtualNetworks", "2025-09-01"),
      Map.entry("Microsoft.OperationalInsights/workspaces", "2026-03-01"),
      Map.entry("Microsoft.Resources/resourceGroups", "2025-04-01"),
      Map.entry("Microsoft.Sql/servers", "2025-01-01"),
      Map.entry("Microsoft.Sql/servers/databases", "2025-01-01"),
      Map.entry("Microsoft.Sql/servers/firewallRules", "2025-01-01"),
      Map.entry("Microsoft.Storage/storageAccounts", "2026-04-01"),
      Map.entry("Microsoft.Storage/storageAccounts/blobServices", "2026-04-01"),
      Map.entry("Microsoft.Storage/storageAccounts/blobServices/containers", "2026-04-01"),
      Map.entry("Microsoft.Web/serverfarms", "2025-03-01"),
      Map.entry("Microsoft.Web/sites", "2025-03-01"),
      Map.entry("Microsoft.Web/sites/basicPublishingCredentialsPolicies", "2025-03-01"),
      Map.entry("Microsoft.Web/sites/config", "2025-03-01"));

  /**
   * Properties the type definitions mark {@code "sensitive": true} (secure, write-only) for the
   * types Pulse declares. The linter rule use-secure-value-for-secure-inputs (level error in
   * bicep/bicepconfig.json) rejects any value that is not secure, e.g. {@code loadTextContent(...)}.
   */
  static final Map<String, Set<String>> SENSITIVE_PROPERTIES = Map.of(
      "Microsoft.Kusto/clusters/databases/scripts", Set.of("scriptContent", "scriptUrlSasToken"),
      "Microsoft.Sql/servers", Set.of("administratorLoginPassword"));

  private static final Path ROOT = BicepSources.repositoryRoot();

  @Test
  void everySensitivePropertyIsFedBySecureParameter() {
    List<String> violations = new ArrayList<>();
    int fed = 0;
    for (BicepFile file : BicepSources.all()) {
      for (Resource r : file.resources()) {
        for (String property : SENSITIVE_PROPERTIES.getOrDefault(r.type(), Set.of())) {
          Matcher m = Pattern.compile("(?m)^\\s*" + property + ":\\s*(.+?)\\s*$").matcher(r.body());
          while (m.find()) {
            fed++;
            String value = m.group(1);
            Param param = file.params().get(value);
            if (!(param != null && param.secure()) && !value.equals("null") && !value.equals("''")) {
              violations.add(file.path().getFileName() + " '" + r.symbol() + "' " + property + ": " + value
                  + " is not a @secure() parameter");
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
    assertThat(fed).as("scriptContent of the ADX schema scripts").isPositive();
  }

  @Test
  void adxScriptsArriveThroughTheSecureModuleParameter() {
    BicepFile script = BicepSources.file("modules/kusto-script.bicep");
    assertThat(script.params().get("scriptContent").secure()).isTrue();
    BicepFile kusto = BicepSources.file("modules/kusto.bicep");
    assertThat(kusto.resources()).noneMatch(r -> r.type().equals("Microsoft.Kusto/clusters/databases/scripts"));
    assertThat(kusto.modules()).filteredOn(m -> m.path().equals("kusto-script.bicep")).hasSize(4)
        .allSatisfy(m -> assertThat(m.paramNames()).contains("scriptContent"));
    // loadTextContent feeds nothing but that secure parameter (and workbook/alert data, not sensitive)
    for (BicepFile file : BicepSources.all()) {
      Matcher load = Pattern.compile("(?m)^\\s*(\\w+):\\s*loadTextContent\\(").matcher(file.codeOnly());
      while (load.find()) {
        assertThat(load.group(1)).as("%s line %d", file.path().getFileName(), file.lineOf(load.start()))
            .isEqualTo("scriptContent");
      }
    }
  }

  @Test
  void everyApiVersionIsTheVerifiedOneOrNewer() {
    List<String> violations = new ArrayList<>();
    for (BicepFile file : BicepSources.all()) {
      for (Resource r : file.resources()) {
        String verified = VERIFIED_API_VERSIONS.get(r.type());
        String where = file.path().getFileName() + " '" + r.symbol() + "' " + r.type() + "@" + r.apiVersion();
        if (verified == null) {
          violations.add(where + ": type not verified (add it to VERIFIED_API_VERSIONS after checking types.json)");
        } else if (r.apiVersion().substring(0, 10).compareTo(verified.substring(0, 10)) < 0) {
          violations.add(where + ": older than the verified " + verified);
        } else if (r.apiVersion().contains("preview") && !verified.contains("preview")) {
          violations.add(where + ": preview where GA " + verified + " exists");
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void azureYamlLivesAtTheRootWithInfraInBicepAndTheMavenBuiltPackage() throws IOException {
    assertThat(ROOT.resolve("bicep/azure.yaml")).doesNotExist();
    JsonNode azd = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("azure.yaml").toFile());
    assertThat(azd.get("infra").get("provider").asText()).isEqualTo("bicep");
    assertThat(azd.get("infra").get("path").asText()).isEqualTo("bicep");
    assertThat(ROOT.resolve("bicep").resolve(azd.get("infra").get("module").asText() + ".bicep")).isRegularFile();
    assertThat(ROOT.resolve("bicep/main.parameters.json")).isRegularFile();

    JsonNode service = azd.get("services").get("pulse");
    assertThat(service.get("language").asText()).isEqualTo("java");
    assertThat(service.get("host").asText()).isEqualTo("function");
    Path project = ROOT.resolve(service.get("project").asText()).normalize();
    assertThat(project).isEqualTo(ROOT);
    assertThat(project.resolve("pom.xml")).isRegularFile();
    assertThat(project.resolve("mvnw")).isExecutable();
    String appName = firstGroup(Files.readString(ROOT.resolve("pom.xml")), "<functionAppName>([^<]+)</functionAppName>");
    assertThat(service.get("dist").asText()).isEqualTo("functions/app/target/azure-functions/" + appName);
    // azd's restore (mvn dependency:resolve) resolves functions/core only from a repository.
    assertThat(service.at("/hooks/prerestore/posix/run").asText()).contains("./mvnw").contains(" install -pl functions/app -am");

    for (String hook : List.of("preprovision", "postprovision")) {
      Path script = ROOT.resolve(azd.at("/hooks/" + hook + "/posix/run").asText());
      assertThat(script).as(hook).isRegularFile().isExecutable();
    }
  }

  @Test
  void smokeTestAcceptsOnlyStatusOk() throws IOException {
    String workflow = Files.readString(ROOT.resolve(".github/workflows/deploy-environment.yml"));
    String smoke = workflow.substring(workflow.indexOf("- name: Smoke test GET /api/health"));

    assertThat(smoke).contains("health=\"$(jq -r '.status // \"none\"' health.json");
    Matcher success = Pattern.compile("if \\[\\[ (.+) \\]\\]; then\\s*\\{").matcher(smoke);
    assertThat(success.find()).isTrue();
    assertThat(success.group(1)).isEqualTo("\"${status}\" == \"200\" && \"${health}\" == \"ok\"");
    assertThat(smoke).doesNotContain("degraded\"");
  }

  @Test
  void keyVaultNameCanMoveAwayFromASoftDeletedVaultAndPurgeProtectionIsPerEnvironment() throws IOException {
    BicepFile main = BicepSources.main();
    assertThat(main.text()).contains(
        "keyVault: 'kv-pulse-${take(toLower(uniqueString(subscription().id, environmentName, location, keyVaultNameSeed)), 13)}'");
    assertThat(main.params()).containsKeys("keyVaultNameSeed", "keyVaultPurgeProtection", "keyVaultSoftDeleteRetentionDays");

    Resource vault = BicepSources.file("modules/keyvault.bicep").resources().stream()
        .filter(r -> r.type().equals("Microsoft.KeyVault/vaults")).findFirst().orElseThrow();
    // ARM rejects enablePurgeProtection: false; off means absent.
    assertThat(vault.has("enablePurgeProtection", "enablePurgeProtection ? true : null")).isTrue();
    assertThat(vault.has("enableSoftDelete", "true")).isTrue();

    assertThat(Files.readString(ROOT.resolve("bicep/prod.bicepparam")))
        .contains("param keyVaultPurgeProtection = true").contains("param keyVaultSoftDeleteRetentionDays = 90")
        .contains("param keyVaultNameSeed = readEnvironmentVariable('PULSE_KEY_VAULT_NAME_SEED', '')");
    assertThat(Files.readString(ROOT.resolve("bicep/dev.bicepparam")))
        .contains("param keyVaultPurgeProtection = false").contains("param keyVaultNameSeed = ");
    JsonNode azd = new ObjectMapper().readTree(ROOT.resolve("bicep/main.parameters.json").toFile()).get("parameters");
    assertThat(azd.at("/keyVaultPurgeProtection/value").asText()).isEqualTo("${PULSE_KEY_VAULT_PURGE_PROTECTION=false}");
    assertThat(azd.at("/keyVaultNameSeed/value").asText()).isEqualTo("${PULSE_KEY_VAULT_NAME_SEED=}");
    // azd up after azd down without --purge: the hook names the soft-deleted vault and the three ways out.
    assertThat(Files.readString(ROOT.resolve("bicep/hooks/preprovision.sh")))
        .contains("az keyvault list-deleted").contains("az keyvault recover").contains("az keyvault purge")
        .contains("azd env set PULSE_KEY_VAULT_NAME_SEED");
  }

  @Test
  void communicationServicesHasNoAccessKeysAndLinksOnlyAVerifiedCustomDomain() throws IOException {
    BicepFile acs = BicepSources.file("modules/communication.bicep");
    Resource service = acs.resources().stream()
        .filter(r -> r.type().equals("Microsoft.Communication/communicationServices")).findFirst().orElseThrow();
    assertThat(service.has("disableLocalAuth", "true")).isTrue();
    assertThat(service.has("linkedDomains", "sendFromCustomDomain ? [ customDomain.id ] : [ managedDomain.id ]")).isTrue();
    assertThat(acs.text()).contains("var sendFromCustomDomain = createCustomDomain && customEmailDomainVerified");
    assertThat(acs.params().get("customEmailDomainVerified").hasDefault()).isTrue();
    assertThat(Files.readString(ROOT.resolve("bicep/prod.bicepparam")))
        .contains("param customEmailDomainVerified = readEnvironmentVariable('PULSE_EMAIL_DOMAIN_VERIFIED', 'false') == 'true'");
    assertThat(BicepSources.main().outputs()).anyMatch(o -> o.name().equals("EMAIL_DOMAIN_VERIFICATION_RECORDS"));
  }

  /**
   * Prod's JVM options reach the worker's JVM after its own (worker.config.json), split on whitespace as
   * the host splits {@code languageWorkers__java__arguments}: a typo there would stop every worker
   * from starting, so this JDK must accept them and end with C2 on; dev keeps the worker's C1 only.
   */
  @Test
  void prodJavaWorkerArgumentsStartAJvmWithC2AfterTheWorkersOwnOptions() throws Exception {
    Matcher m = Pattern.compile("(?m)^param javaWorkerArguments = '([^']*)'$")
        .matcher(Files.readString(ROOT.resolve("bicep/prod.bicepparam")));
    assertThat(m.find()).as("prod.bicepparam sets javaWorkerArguments").isTrue();
    assertThat(Files.readString(ROOT.resolve("bicep/dev.bicepparam"))).doesNotContain("javaWorkerArguments");
    assertThat(BicepSources.main().params().get("javaWorkerArguments").hasDefault()).isTrue();

    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-noverify", "-Djava.net.preferIPv4Stack=true"));
    command.addAll(List.of(m.group(1).trim().split("\\s+")));
    command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
    Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(jvm.waitFor()).as(output).isZero();
    assertThat(output).containsPattern("intx TieredStopAtLevel\\s+= 4\\s")
        .containsPattern("intx Tier4InvocationThreshold\\s+= 100000\\s");
  }

  @Test
  void requiredProductionVariablesAreNamedInTheFileAndCheckedBeforeDeploying() throws IOException {
    String prod = Files.readString(ROOT.resolve("bicep/prod.bicepparam"));
    Set<String> required = new TreeSet<>();
    Matcher m = Pattern.compile("readEnvironmentVariable\\('([A-Z0-9_]+)'\\)").matcher(prod);
    while (m.find()) {
      required.add(m.group(1));
    }
    assertThat(required).containsExactly("PULSE_ADMINS_GROUP_ID", "PULSE_API_CLIENT_ID", "PULSE_VIEWERS_GROUP_ID");
    String header = prod.substring(0, prod.indexOf("using 'main.bicep'"));
    assertThat(required).allSatisfy(name -> assertThat(header).contains(name));

    String workflow = Files.readString(ROOT.resolve(".github/workflows/deploy-environment.yml"));
    assertThat(workflow).contains("grep -oE \"readEnvironmentVariable\\('[A-Z0-9_]+'\\)\" \"${params}\"")
        .contains("::error file=${params}::${params} requires ${missing[*]}");
    assertThat(workflow.indexOf("missing+=")).isLessThan(workflow.lastIndexOf("az deployment sub create"));
  }

  @Test
  void devWarehouseIsEntraOnlyAndWiredIntoTheApp() throws IOException {
    BicepFile warehouse = BicepSources.file("modules/warehouse.bicep");
    Resource server = warehouse.resources().stream().filter(r -> r.type().equals("Microsoft.Sql/servers"))
        .findFirst().orElseThrow();
    assertThat(server.has("azureADOnlyAuthentication", "true")).isTrue();
    assertThat(server.has("minimalTlsVersion", "'1.2'")).isTrue();
    assertThat(server.body()).doesNotContain("administratorLogin:").doesNotContain("administratorLoginPassword");
    String main = BicepSources.main().text();
    assertThat(main).contains("module warehouse 'modules/warehouse.bicep' = if (deployDevWarehouse)")
        .contains("WAREHOUSE_JDBC_URL: appWarehouseJdbcUrl");
    JsonNode azd = new ObjectMapper().readTree(ROOT.resolve("bicep/main.parameters.json").toFile()).get("parameters");
    assertThat(azd.at("/devWarehouseAdminObjectId/value").asText()).isEqualTo("${AZURE_PRINCIPAL_ID}");
    assertThat(Files.readString(ROOT.resolve("bicep/hooks/postprovision.sh")))
        .contains("warehouse init").contains("--jdbc-url ${WAREHOUSE_JDBC_URL}")
        .contains("--reader-name ${AZURE_FUNCTION_IDENTITY_NAME} --reader-client-id ${AZURE_CLIENT_ID}");
    Set<String> outputs = new TreeSet<>();
    BicepSources.main().outputs().forEach(o -> outputs.add(o.name()));
    assertThat(outputs).contains("WAREHOUSE_JDBC_URL", "WAREHOUSE_SQL_SERVER", "AZURE_FUNCTION_IDENTITY_NAME",
        "AZURE_CLIENT_ID", "AZURE_RESOURCE_GROUP", "KEY_VAULT_NAME");
  }

  /**
   * The Java the function app runs on and the ones the workflows build with are among those the build
   * allows ({@code maven-enforcer-plugin}'s {@code requireJavaVersion} in pom.xml, [17,18) and [21,22)):
   * datasketches-memory 3.0.2 refuses any other at run time (docs/ARCHITECTURE.md, "Risks").
   */
  @Test
  void everyJavaTheProjectRunsOnIsOneTheBuildAllows() throws IOException {
    String range = firstGroup(Files.readString(ROOT.resolve("pom.xml")),
        "<requireJavaVersion>\\s*<version>([^<]+)</version>");
    Set<Integer> allowed = new TreeSet<>();
    Matcher bounds = Pattern.compile("\\[(\\d+),(\\d+)\\)").matcher(range);
    while (bounds.find()) {
      for (int major = Integer.parseInt(bounds.group(1)); major < Integer.parseInt(bounds.group(2)); major++) {
        allowed.add(major);
      }
    }
    assertThat(allowed).as(range).containsExactly(17, 21);

    Set<Integer> used = new TreeSet<>();
    used.add(Integer.parseInt(firstGroup(BicepSources.file("modules/functionapp.bicep").text(),
        "runtime: \\{ name: 'java', version: '(\\d+)' \\}")));
    try (var workflows = Files.list(ROOT.resolve(".github/workflows"))) {
      for (Path workflow : workflows.toList()) {
        Matcher m = Pattern.compile("java-version: \"(\\d+)\"").matcher(Files.readString(workflow));
        while (m.find()) {
          used.add(Integer.parseInt(m.group(1)));
        }
      }
    }
    assertThat(used).as("Java of the function app and of the workflows").isNotEmpty().isSubsetOf(allowed);
    assertThat(allowed).contains(Runtime.version().feature());
  }

  private static String firstGroup(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex).isTrue();
    return m.group(1);
  }
}
