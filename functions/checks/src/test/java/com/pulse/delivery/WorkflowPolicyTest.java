package com.pulse.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Supply-chain and privilege rules the linters do not check: every action is pinned by a full
 * commit SHA with its tag in a comment, every workflow declares least-privilege {@code permissions}
 * and a concurrency group, no workflow reads a secret (Azure sign-in is OIDC), an OIDC token is
 * requested only by jobs that sign in to Azure, and Dependabot watches all three ecosystems.
 */
final class WorkflowPolicyTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** {@code uses: owner/repo[/path]@<40 hex> # vX.Y.Z} */
  private static final Pattern PINNED = Pattern.compile(
      "^\\s*(?:-\\s+)?uses:\\s+[\\w.-]+/[\\w./-]+@[0-9a-f]{40}\\s+#\\s+v\\d+\\.\\d+\\.\\d+\\s*$");
  private static final Pattern SECRET_REFERENCE = Pattern.compile("\\$\\{\\{[^}]*\\bsecrets\\b");
  private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s+(\\S+)");

  private static Path root;
  private static List<Path> workflows;

  @BeforeAll
  static void listWorkflows() throws IOException {
    root = Path.of("").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.list(root.resolve(".github/workflows"))) {
      workflows = files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(workflows).isNotEmpty();
  }

  @Test
  void everyActionIsPinnedByFullShaWithItsTag() throws IOException {
    List<String> unpinned = new ArrayList<>();
    int actions = 0;
    for (Path workflow : workflows) {
      List<String> lines = Files.readAllLines(workflow);
      for (int i = 0; i < lines.size(); i++) {
        Matcher uses = USES.matcher(lines.get(i));
        if (!uses.find() || uses.group(1).startsWith("./")) {
          continue; // not a step/job `uses`, or a local reusable workflow of this repository
        }
        actions++;
        if (!isPinned(lines.get(i))) {
          unpinned.add(workflow.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(actions).isPositive();
    assertThat(unpinned).as("actions not pinned as owner/repo@<sha> # vX.Y.Z").isEmpty();
  }

  @Test
  void thePinRuleRejectsTagsBranchesShortShasAndMissingVersionComments() {
    String sha = "3d3c42e5aac5ba805825da76410c181273ba90b1";
    assertThat(isPinned("      - uses: actions/checkout@" + sha + " # v7.0.1")).isTrue();
    assertThat(isPinned("        uses: github/codeql-action/init@" + sha + " # v4.36.2")).isTrue();
    assertThat(isPinned("      - uses: actions/checkout@v4")).isFalse();
    assertThat(isPinned("      - uses: actions/checkout@main # v7.0.1")).isFalse();
    assertThat(isPinned("      - uses: actions/checkout@3d3c42e # v7.0.1")).isFalse();
    assertThat(isPinned("      - uses: actions/checkout@" + sha)).isFalse();
    assertThat(isPinned("      - uses: actions/checkout@" + sha + " # latest")).isFalse();
  }

  @Test
  void everyWorkflowDeclaresReadOnlyDefaultsAndAConcurrencyGroup() throws IOException {
    for (Path workflow : workflows) {
      JsonNode tree = YAML.readTree(workflow.toFile());
      assertThat(tree.path("permissions").path("contents").asText())
          .as("%s: top-level permissions", workflow.getFileName()).isEqualTo("read");
      assertThat(fieldNames(tree.path("permissions"))).as("%s: top-level permissions", workflow.getFileName())
          .containsExactly("contents");
      boolean reusable = tree.path("on").has("workflow_call");
      boolean hasConcurrency = tree.has("concurrency")
          || (reusable && allJobs(tree).stream().allMatch(job -> job.has("concurrency")));
      assertThat(hasConcurrency).as("%s: concurrency group", workflow.getFileName()).isTrue();
    }
  }

  @Test
  void noWorkflowReadsASecretAndOnlyAzureJobsRequestAnOidcToken() throws IOException {
    for (Path workflow : workflows) {
      String text = Files.readString(workflow);
      assertThat(SECRET_REFERENCE.matcher(text).find())
          .as("%s reads no secrets context (OIDC only)", workflow.getFileName()).isFalse();
      JsonNode tree = YAML.readTree(workflow.toFile());
      for (Map.Entry<String, JsonNode> job : jobs(tree)) {
        JsonNode value = job.getValue();
        boolean requestsToken = "write".equals(value.path("permissions").path("id-token").asText());
        boolean signsIn = value.path("steps").findValues("uses").stream()
            .anyMatch(u -> u.asText().startsWith("azure/login@"));
        boolean callsDeploy = value.path("uses").asText().endsWith("deploy-environment.yml");
        assertThat(requestsToken).as("%s job %s: id-token: write only where Azure is signed in to",
            workflow.getFileName(), job.getKey()).isEqualTo(signsIn || callsDeploy);
      }
    }
  }

  @Test
  void prodIsDeployedOnlyAfterDevThroughItsEnvironment() throws IOException {
    JsonNode deploy = YAML.readTree(root.resolve(".github/workflows/deploy.yml").toFile()).path("jobs");
    assertThat(deploy.path("deploy-prod").path("needs").asText()).isEqualTo("deploy-dev");
    assertThat(deploy.path("deploy-prod").path("with").path("environment").asText()).isEqualTo("prod");
    assertThat(deploy.path("deploy-dev").path("with").path("environment").asText()).isEqualTo("dev");
    JsonNode called = YAML.readTree(root.resolve(".github/workflows/deploy-environment.yml").toFile());
    assertThat(called.path("jobs").path("deploy").path("environment").path("name").asText())
        .isEqualTo("${{ inputs.environment }}");
  }

  @Test
  void dependabotWatchesMavenNpmAndActions() throws IOException {
    JsonNode config = YAML.readTree(root.resolve(".github/dependabot.yml").toFile());
    assertThat(config.path("version").asInt()).isEqualTo(2);
    List<String> watched = new ArrayList<>();
    for (JsonNode update : config.path("updates")) {
      watched.add(update.path("package-ecosystem").asText() + " " + update.path("directory").asText());
      assertThat(update.path("schedule").path("interval").asText()).isNotBlank();
    }
    assertThat(watched).containsExactlyInAnyOrder("maven /", "npm /.ci", "github-actions /");
    assertThat(root.resolve("pom.xml")).isRegularFile();
    assertThat(root.resolve(".ci/package-lock.json")).isRegularFile();
  }

  private static boolean isPinned(String usesLine) {
    return PINNED.matcher(usesLine).matches();
  }

  private static List<Map.Entry<String, JsonNode>> jobs(JsonNode workflow) {
    List<Map.Entry<String, JsonNode>> jobs = new ArrayList<>();
    workflow.path("jobs").fields().forEachRemaining(jobs::add);
    return jobs;
  }

  private static List<JsonNode> allJobs(JsonNode workflow) {
    return jobs(workflow).stream().map(Map.Entry::getValue).toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
