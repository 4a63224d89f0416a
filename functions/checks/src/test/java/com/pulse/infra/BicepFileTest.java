package com.pulse.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The text scanner the policy tests rely on: if it misreads Bicep, the policies prove nothing. */
final class BicepFileTest {

  private static final String SAMPLE = String.join("\n",
      "@secure()",
      "param secret string = ''",
      "param principalId string",
      "// not a resource 'Microsoft.Fake/x@1' = {",
      "// why: explains the grant",
      "resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(secret)) {",
      "  name: guid('}', principalId)",
      "  properties: {",
      "    description: 'a { brace in a string'",
      "    principalId: principalId",
      "  }",
      "}",
      "var settings = {",
      "  A_SETTING: 'x'",
      "  Nested__key: { inner: 1 }",
      "  'quoted-key': [",
      "    { notTopLevel: 2 }",
      "  ]",
      "}",
      "module m 'modules/x.bicep' = {",
      "  name: 'm'",
      "  params: {",
      "    one: 1",
      "    two: { three: 3 }",
      "  }",
      "}",
      "output url string = 'https://${ra.name}'");

  @Test
  void findsResourcesWithBodiesCommentsAndBracesInsideStrings() {
    BicepFile file = BicepFile.of("sample.bicep", SAMPLE);

    assertThat(file.resources()).singleElement().satisfies(r -> {
      assertThat(r.symbol()).isEqualTo("ra");
      assertThat(r.type()).isEqualTo("Microsoft.Authorization/roleAssignments");
      assertThat(r.apiVersion()).isEqualTo("2022-04-01");
      assertThat(r.leadingComments()).containsExactly("// not a resource 'Microsoft.Fake/x@1' = {", "// why: explains the grant");
      assertThat(r.value("principalId")).hasValue("principalId");
      assertThat(r.has("description", "'a { brace in a string'")).isTrue();
      assertThat(r.line()).isEqualTo(6);
    });
  }

  @Test
  void readsParamsTopLevelKeysModulesAndOutputs() {
    BicepFile file = BicepFile.of("sample.bicep", SAMPLE);

    assertThat(file.params().get("secret").secure()).isTrue();
    assertThat(file.params().get("secret").hasDefault()).isTrue();
    assertThat(file.params().get("principalId").hasDefault()).isFalse();
    assertThat(file.objectVariableKeys("settings")).containsExactly("A_SETTING", "Nested__key", "quoted-key");
    assertThat(file.modules()).singleElement().satisfies(m -> {
      assertThat(m.path()).isEqualTo("modules/x.bicep");
      assertThat(m.paramNames()).containsExactly("one", "two");
    });
    assertThat(file.outputs()).singleElement().satisfies(o -> assertThat(o.expression()).isEqualTo("'https://${ra.name}'"));
  }

  @Test
  void unbalancedBodyFailsLoudly() {
    BicepFile file = BicepFile.of("broken.bicep", "resource r 'A/b@1' = {\n  name: 'x'\n");

    assertThatThrownBy(file::resources).isInstanceOf(IllegalStateException.class).hasMessageContaining("unbalanced");
  }

  @Test
  void interpolationsStayCodeWhileStringTextAndCommentsAreBlanked() {
    String masked = BicepFile.mask("var a = 'st-${take(token, 4)}-${x ? 'y' : 'z'}' // token2\n");

    assertThat(masked).contains("take(token, 4)").contains("x ?").doesNotContain("st-").doesNotContain("token2");
    assertThat(masked).hasSameSizeAs("var a = 'st-${take(token, 4)}-${x ? 'y' : 'z'}' // token2\n");
  }
}
