package com.pulse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.infra.BicepFile.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Least-privilege checks on every role assignment (docs/SECURITY.md §1): a {@code // why:} comment, a
 * deterministic {@code guid(...)} name, a role id from the named constants in
 * {@code modules/roles.bicep}, and a principal that is a managed identity of the deployment or an
 * Entra group parameter - never a literal id.
 */
final class RoleAssignmentPolicyTest {

  private static final Pattern GUID = Pattern.compile("^'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'$");
  private static final Pattern ROLE_REF = Pattern.compile(
      "^subscriptionResourceId\\('Microsoft\\.Authorization/roleDefinitions', roleIds\\.(\\w+)\\)$");
  private static final Pattern SYSTEM_IDENTITY = Pattern.compile("^(\\w+)\\.identity\\.principalId$");

  @Test
  void roleIdConstantsAreUniqueBuiltInRoleGuids() {
    BicepFile roles = BicepSources.file("modules/roles.bicep");
    Map<String, String> ids = constants(roles, "roleIds");

    assertThat(roles.resources()).isEmpty();
    assertThat(roles.text()).contains("@export()\n@description('Azure RBAC built-in role definition ids");
    assertThat(ids).isNotEmpty().allSatisfy((name, id) -> assertThat(id).as(name).matches(GUID));
    assertThat(new HashSet<>(ids.values())).hasSameSizeAs(ids.values());
  }

  @Test
  void everyRoleAssignmentIsJustifiedNamedDeterministicallyAndUsesANamedRole() {
    Set<String> roleNames = constants(BicepSources.file("modules/roles.bicep"), "roleIds").keySet();
    List<String> violations = new ArrayList<>();
    int checked = 0;

    for (BicepFile file : BicepSources.all()) {
      for (Resource r : file.resources()) {
        if (!r.type().equals("Microsoft.Authorization/roleAssignments") || r.existing()) {
          continue;
        }
        checked++;
        String where = file.path().getFileName() + " '" + r.symbol() + "'";
        if (r.leadingComments().stream().noneMatch(c -> c.startsWith("// why:"))) {
          violations.add(where + ": no '// why:' comment above it");
        }
        if (!r.value("name").orElse("").startsWith("guid(")) {
          violations.add(where + ": name is not a deterministic guid(...)");
        }
        Matcher role = ROLE_REF.matcher(r.value("roleDefinitionId").orElse(""));
        if (!role.matches() || !roleNames.contains(role.group(1))) {
          violations.add(where + ": roleDefinitionId is not roleIds.<known constant>: " + r.value("roleDefinitionId"));
        } else if (!r.value("name").orElse("").contains("roleIds." + role.group(1))) {
          violations.add(where + ": guid() name does not include the role id, so two roles would collide");
        }
        if (!Pattern.compile("import \\{[^}]*\\broleIds\\b[^}]*\\} from 'roles\\.bicep'").matcher(file.text()).find()) {
          violations.add(where + ": file does not import roleIds from roles.bicep");
        }
        String principal = r.value("principalId").orElse("");
        if (!isKnownPrincipal(file, principal)) {
          violations.add(where + ": principalId '" + principal + "' is neither an identity parameter nor a system identity");
        }
        if (r.value("principalType").isEmpty()) {
          violations.add(where + ": principalType missing (needed for new identities, avoids replication delays)");
        }
      }
    }

    assertThat(checked).as("role assignments found").isGreaterThanOrEqualTo(10);
    assertThat(violations).isEmpty();
  }

  @Test
  void identityPrincipalsComeFromTheIdentityModuleAndGroupsFromParameters() {
    BicepFile main = BicepSources.main();
    Matcher principal = Pattern.compile("(?m)^\\s*(\\w+PrincipalId):\\s*(.+)$").matcher(main.text());
    int found = 0;
    while (principal.find()) {
      found++;
      assertThat(principal.group(2)).as(principal.group(1)).matches("identity\\.outputs\\.\\w+PrincipalId");
    }
    Matcher group = Pattern.compile("(?m)^\\s*(\\w+GroupObjectId):\\s*(.+)$").matcher(main.text());
    while (group.find()) {
      found++;
      assertThat(main.params()).as(group.group(1)).containsKey(group.group(2));
    }
    assertThat(found).isGreaterThanOrEqualTo(8);
  }

  @Test
  void cosmosDataPlaneRoleIsTheBuiltInDataContributorScopedToTheDatabase() {
    BicepFile cosmos = BicepSources.file("modules/cosmos.bicep");
    Resource assignment = cosmos.resources().stream()
        .filter(r -> r.type().equals("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments")).findFirst().orElseThrow();

    assertThat(constants(BicepSources.file("modules/roles.bicep"), "cosmosRoleIds"))
        .containsEntry("builtInDataContributor", "'00000000-0000-0000-0000-000000000002'");
    assertThat(assignment.leadingComments()).anyMatch(c -> c.startsWith("// why:"));
    assertThat(assignment.value("roleDefinitionId")).hasValue("'${account.id}/sqlRoleDefinitions/${cosmosRoleIds.builtInDataContributor}'");
    assertThat(assignment.value("scope")).hasValue("'${account.id}/dbs/${database.name}'");
    assertThat(assignment.value("principalId")).hasValue("functionPrincipalId");
    assertThat(assignment.value("name").orElseThrow()).startsWith("guid(");
  }

  @Test
  void adxPrincipalsAreEntraGroupsWithNamedDatabaseRoles() {
    BicepFile kusto = BicepSources.file("modules/kusto.bicep");
    List<Resource> assignments = kusto.resources().stream()
        .filter(r -> r.type().equals("Microsoft.Kusto/clusters/databases/principalAssignments")).toList();

    assertThat(assignments).hasSize(2).allSatisfy(r -> {
      assertThat(r.value("principalType")).hasValue("'Group'");
      assertThat(r.value("principalId").orElseThrow()).endsWith("GroupObjectId");
      assertThat(r.value("role").orElseThrow()).startsWith("kustoDatabaseRoles.");
    });
  }

  private static boolean isKnownPrincipal(BicepFile file, String expression) {
    if (expression.endsWith("PrincipalId") && file.params().containsKey(expression)) {
      return true;
    }
    Matcher system = SYSTEM_IDENTITY.matcher(expression);
    return system.matches()
        && file.resources().stream().anyMatch(r -> r.symbol().equals(system.group(1)) && !r.existing()
            && r.body().contains("identity: { type: 'SystemAssigned' }"));
  }

  /** {@code name: 'value'} lines of an exported object variable of roles.bicep. */
  static Map<String, String> constants(BicepFile roles, String variable) {
    Matcher block = Pattern.compile("(?s)var " + variable + " = \\{(.*?)\\n\\}").matcher(roles.text());
    assertThat(block.find()).as("var %s in roles.bicep", variable).isTrue();
    Map<String, String> values = new java.util.LinkedHashMap<>();
    Matcher line = Pattern.compile("(?m)^\\s*(\\w+):\\s*('[^']*')\\s*$").matcher(block.group(1));
    while (line.find()) {
      values.put(line.group(1), line.group(2));
    }
    return values;
  }
}
