package com.pulse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.infra.BicepFile.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reviewability conventions of {@code bicep/}: one API version per resource type, no preview API
 * versions (except the diagnostic settings type, whose newest version is a preview), a header
 * comment on every file, and a {@code @description} on every parameter. The alerts and workbooks
 * modules belong to the dashboards/alerting work and are checked there.
 */
final class BicepConventionsTest {

  private static final Set<String> OWNED_ELSEWHERE = Set.of("alerts.bicep", "workbooks.bicep");

  @Test
  void oneStableApiVersionPerResourceType() {
    Map<String, Set<String>> versions = new TreeMap<>();
    for (BicepFile file : BicepSources.all()) {
      for (Resource r : file.resources()) {
        versions.computeIfAbsent(r.type(), t -> new TreeSet<>()).add(r.apiVersion());
      }
    }
    assertThat(versions).allSatisfy((type, used) -> {
      assertThat(used).as("API versions of %s", type).hasSize(1);
      if (!type.equals("Microsoft.Insights/diagnosticSettings")) {
        assertThat(used.iterator().next()).as("API version of %s", type).doesNotContain("preview");
      }
    });
  }

  @Test
  void everyFileExplainsItselfAndEveryParameterIsDescribed() {
    List<String> violations = new ArrayList<>();
    Pattern param = Pattern.compile("(?m)^param\\s+(\\w+)\\s");
    for (BicepFile file : BicepSources.all()) {
      String name = file.path().getFileName().toString();
      if (OWNED_ELSEWHERE.contains(name)) {
        continue;
      }
      if (!file.text().startsWith("//")) {
        violations.add(name + ": no header comment saying what the file deploys");
      }
      Matcher m = param.matcher(file.text());
      while (m.find()) {
        String before = file.text().substring(0, m.start());
        String[] lines = before.split("\n", -1);
        boolean described = false;
        for (int i = lines.length - 2; i >= 0 && lines[i].strip().startsWith("@"); i--) {
          described |= lines[i].strip().startsWith("@description(");
        }
        if (!described) {
          violations.add(name + ": param " + m.group(1) + " has no @description");
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyParameterAndVariableIsUsed() {
    List<String> unused = new ArrayList<>();
    Pattern declaration = Pattern.compile("(?m)^(param|var)\\s+(\\w+)\\s");
    for (BicepFile file : BicepSources.all()) {
      String name = file.path().getFileName().toString();
      if (OWNED_ELSEWHERE.contains(name) || name.equals("roles.bicep")) {
        continue; // stubs; exported constants are used by importers
      }
      String code = file.codeOnly();
      Matcher m = declaration.matcher(code);
      while (m.find()) {
        long uses = Pattern.compile("\\b" + m.group(2) + "\\b").matcher(code).results().count();
        if (uses < 2) {
          unused.add(name + ": " + m.group(1) + " " + m.group(2));
        }
      }
    }
    assertThat(unused).isEmpty();
  }
}
