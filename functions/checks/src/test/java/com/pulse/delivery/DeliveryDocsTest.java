package com.pulse.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the delivery documents true to the repository: every relative link in the README and
 * {@code docs/} resolves (file and heading anchor), the README stays a short front door linking
 * every document, every GitHub variable the workflows read is
 * documented in the {@code delivery} section of docs/DEPLOY.md, and every environment variable a
 * {@code bicep/*.bicepparam} file reads is passed by the deployment workflow.
 *
 * <p>Heading anchors follow GitHub's rule: lower case, punctuation other than {@code -} and
 * {@code _} removed, spaces replaced by {@code -}.
 */
final class DeliveryDocsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*$", Pattern.MULTILINE);
  private static final Pattern VARS = Pattern.compile("\\$\\{\\{\\s*vars\\.([A-Z0-9_]+)\\s*}}");
  private static final Pattern READ_ENV = Pattern.compile("readEnvironmentVariable\\('([A-Z0-9_]+)'");

  @Test
  void everyRelativeLinkResolvesToAFileAndHeading() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path document : documents) {
      Matcher link = LINK.matcher(Files.readString(document));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // https:, mailto: ...
        }
        links++;
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(ROOT.relativize(document) + " → " + target + " (no file)");
        } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
          broken.add(ROOT.relativize(document) + " → " + target + " (no heading)");
        }
      }
    }
    assertThat(links).isPositive();
    assertThat(broken).isEmpty();
  }

  /**
   * The README is the front door (what Pulse is, the two commands, a map, links): short enough to
   * read at once, and every document in {@code docs/} is reachable from it, so reference material
   * moved out of it is never lost to a newcomer.
   */
  @Test
  void readmeIsAShortFrontDoorThatLinksEveryDocument() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Set<String> linked = new TreeSet<>();
    Matcher link = LINK.matcher(readme);
    while (link.find()) {
      linked.add(link.group(1).replaceFirst("#.*$", ""));
    }
    List<String> documents;
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      documents = docs.filter(p -> p.toString().endsWith(".md"))
          .map(p -> "docs/" + p.getFileName()).sorted().toList();
    }

    assertThat(readme.lines().count()).as("README.md lines").isLessThanOrEqualTo(200);
    assertThat(readme).contains("`./mvnw -q test-compile exec:java -Dexec.args=\"demo\"`", "`./mvnw -B verify`");
    assertThat(documents).as("documents in docs/").isNotEmpty()
        .allSatisfy(document -> assertThat(linked).as("README links").contains(document));
  }

  @Test
  void everyGithubVariableTheWorkflowsReadIsDocumentedInTheDeployGuide() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> workflows = Files.list(ROOT.resolve(".github/workflows"))) {
      for (Path workflow : workflows.toList()) {
        Matcher vars = VARS.matcher(Files.readString(workflow));
        while (vars.find()) {
          used.add(vars.group(1));
        }
      }
    }
    String readme = Files.readString(ROOT.resolve("docs/DEPLOY.md"));
    String delivery = readme.substring(readme.indexOf("<!-- section:delivery -->"),
        readme.indexOf("<!-- /section:delivery -->"));

    assertThat(used).contains("AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_SUBSCRIPTION_ID");
    assertThat(used).allSatisfy(name -> assertThat(delivery).contains("`" + name + "`"));
  }

  @Test
  void everyEnvironmentValueABicepParameterFileReadsIsPassedByTheDeployment() throws IOException {
    Set<String> read = new TreeSet<>();
    Path bicep = ROOT.resolve("bicep");
    if (Files.isDirectory(bicep)) {
      try (Stream<Path> files = Files.list(bicep)) {
        for (Path params : files.filter(p -> p.toString().endsWith(".bicepparam")).toList()) {
          Matcher env = READ_ENV.matcher(Files.readString(params));
          while (env.find()) {
            read.add(env.group(1));
          }
        }
      }
    }
    assertThat(read).as("environment variables read by bicep/*.bicepparam").isNotEmpty();
    String deploy = Files.readString(ROOT.resolve(".github/workflows/deploy-environment.yml"));

    assertThat(read).allSatisfy(name -> assertThat(deploy).contains(name + ": ${{ vars." + name + " }}"));
  }

  private static Set<String> anchors(Path markdown) throws IOException {
    Set<String> anchors = new TreeSet<>();
    Matcher heading = HEADING.matcher(Files.readString(markdown));
    while (heading.find()) {
      anchors.add(heading.group(1).toLowerCase(Locale.ROOT)
          .replaceAll("[^\\p{L}\\p{N}\\s_-]", "").trim().replace(' ', '-'));
    }
    return anchors;
  }
}
