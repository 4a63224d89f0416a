package com.pulse.domain.tenant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads and validates a tenants file (YAML; the sample is {@code tenants/tenants.yaml}, the format
 * is documented there). Reports <b>every</b> problem at once as a {@link TenantsException}, each
 * {@code file:line: problem}: unknown or missing keys, wrong types, malformed tenant ids and emails,
 * duplicate tenants or SLO names, unknown tiers, objectives outside (0, 1), latency SLOs without a
 * threshold. Stateless and thread-safe.
 */
public final class TenantsLoader {
  /** Classpath resource of the tenants file packaged with the app. */
  public static final String DEFAULT_RESOURCE = "tenants/tenants.yaml";
  /** Tenant ids: what the API accepts in a URL ({@code [A-Za-z0-9._-]{1,128}}). */
  public static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern GROUP_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Set<String> TOP = Set.of("defaults", "access", "tiers", "tenants");
  private static final Set<String> DEFAULTS = Set.of("owners", "tier");
  private static final Set<String> ACCESS = Set.of("operatorRole", "customerEngineerRole");
  private static final Set<String> TENANT = Set.of("id", "name", "tier", "owners", "groups", "slos");
  private static final Set<String> SLO = Set.of("name", "sli", "service", "operation", "objective", "thresholdMs", "periodDays");
  private static final YAMLMapper YAML = new YAMLMapper();

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  private record Problem(int line, String text) {}

  private TenantsLoader(String file) {
    this.file = file;
  }

  /**
   * Loads a tenants file.
   *
   * @throws TenantsException listing every problem
   * @throws UncheckedIOException if it cannot be read
   */
  public static TenantDirectory load(Path path) {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parse(path.toString(), reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tenants file " + path, e);
    }
  }

  /**
   * Loads a tenants file from the classpath, e.g. {@link #DEFAULT_RESOURCE}.
   *
   * @throws IllegalArgumentException if the resource does not exist
   * @throws TenantsException listing every problem
   */
  public static TenantDirectory loadResource(String resource) {
    InputStream in = TenantsLoader.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalArgumentException("tenants resource not found on the classpath: " + resource);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(resource, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tenants resource " + resource, e);
    }
  }

  /**
   * Parses tenants-file text.
   *
   * @param sourceName file name used in messages
   * @param reader YAML text; not closed
   * @throws TenantsException listing every problem
   */
  public static TenantDirectory parse(String sourceName, Reader reader) {
    YamlNode root;
    try (JsonParser p = YAML.createParser(reader)) {
      if (p.nextToken() == null) {
        throw new TenantsException(List.of(sourceName + ":1: empty tenants file"));
      }
      root = YamlNode.read(p, 0);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new TenantsException(List.of(sourceName + ":" + line + ": malformed YAML: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tenants file " + sourceName, e);
    }
    return new TenantsLoader(sourceName).directory(root);
  }

  private TenantDirectory directory(YamlNode root) {
    if (!root.isMap()) {
      throw new TenantsException(List.of(file + ":" + root.line() + ": the tenants file must be a mapping with "
          + "defaults, access, tiers and tenants"));
    }
    keys(root, TOP, Set.of("defaults", "tiers", "tenants"), "top level");
    YamlNode defaults = root.fields().get("defaults");
    List<String> defaultOwners = List.of();
    String defaultTier = null;
    if (defaults != null && keys(defaults, DEFAULTS, DEFAULTS, "defaults")) {
      defaultOwners = emails(defaults.fields().get("owners"), "defaults.owners", true);
      defaultTier = string(defaults.fields().get("tier"), "defaults.tier");
    }
    String operatorRole = "Pulse.Operator";
    String ceRole = "Pulse.CustomerEngineer";
    YamlNode access = root.fields().get("access");
    if (access != null && keys(access, ACCESS, Set.of(), "access")) {
      operatorRole = optionalString(access.fields().get("operatorRole"), "access.operatorRole", operatorRole);
      ceRole = optionalString(access.fields().get("customerEngineerRole"), "access.customerEngineerRole", ceRole);
    }
    Map<String, List<TelemetrySlo>> tiers = tiers(root.fields().get("tiers"));
    if (defaultTier != null && !tiers.containsKey(defaultTier) && root.fields().containsKey("tiers")) {
      problem(defaults.fields().get("tier").line(), "defaults.tier '" + defaultTier + "' is not a tier (" + tiers.keySet() + ")");
    }
    List<Tenant> tenants = tenants(root.fields().get("tenants"), tiers);
    if (!problems.isEmpty()) {
      throw new TenantsException(problems.stream().sorted(java.util.Comparator.comparingInt(Problem::line))
          .map(p -> file + ":" + p.line() + ": " + p.text()).toList());
    }
    return new TenantDirectory(file, tenants, defaultOwners, defaultTier, tiers, operatorRole, ceRole);
  }

  private Map<String, List<TelemetrySlo>> tiers(YamlNode node) {
    Map<String, List<TelemetrySlo>> tiers = new LinkedHashMap<>();
    if (node == null) {
      return tiers;
    }
    if (!node.isMap()) {
      problem(node.line(), "'tiers' must be a mapping of tier name to a list of SLOs");
      return tiers;
    }
    node.duplicates().forEach((k, line) -> problem(line, "tier '" + k + "' given twice"));
    node.fields().forEach((tier, slos) -> tiers.put(tier, slos(slos, "tiers." + tier)));
    return tiers;
  }

  private List<Tenant> tenants(YamlNode node, Map<String, List<TelemetrySlo>> tiers) {
    List<Tenant> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!node.isList()) {
      problem(node.line(), "'tenants' must be a list");
      return out;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (YamlNode entry : node.items()) {
      if (!entry.isMap()) {
        problem(entry.line(), "each tenant must be a mapping with id, name, tier, owners");
        continue;
      }
      int before = problems.size();
      keys(entry, TENANT, Set.of("id", "name", "tier", "owners"), "tenant");
      String id = string(entry.fields().get("id"), "id");
      if (id != null && !TENANT_ID.matcher(id).matches()) {
        problem(entry.fields().get("id").line(), "tenant id must match " + TENANT_ID + ": '" + id + "'");
      }
      if (id != null) {
        Integer first = seen.putIfAbsent(id, entry.fields().get("id").line());
        if (first != null) {
          problem(entry.fields().get("id").line(), "tenant '" + id + "' listed twice (first at line " + first + ")");
        }
      }
      String name = string(entry.fields().get("name"), "name");
      if (name != null && name.length() > 200) {
        problem(entry.fields().get("name").line(), "tenant name is longer than 200 characters");
      }
      String tier = string(entry.fields().get("tier"), "tier");
      if (tier != null && !tiers.containsKey(tier)) {
        problem(entry.fields().get("tier").line(), "unknown tier '" + tier + "' (tiers: " + tiers.keySet() + ")");
      }
      List<String> owners = emails(entry.fields().get("owners"), "owners", true);
      List<String> groups = strings(entry.fields().get("groups"), "groups");
      YamlNode groupsNode = entry.fields().get("groups");
      for (String g : groups) {
        if (!GROUP_ID.matcher(g).matches()) {
          problem(groupsNode.line(), "group must be an Entra group object id (GUID): '" + g + "'");
        }
      }
      List<TelemetrySlo> overrides = entry.fields().containsKey("slos")
          ? slos(entry.fields().get("slos"), "slos") : List.of();
      if (problems.size() == before) {
        Map<String, TelemetrySlo> merged = new LinkedHashMap<>();
        tiers.get(tier).forEach(s -> merged.put(s.name(), s));
        overrides.forEach(s -> merged.put(s.name(), s));
        out.add(new Tenant(id, name, tier, owners, groups, List.copyOf(merged.values()), file + ":" + entry.line()));
      }
    }
    return out;
  }

  private List<TelemetrySlo> slos(YamlNode node, String where) {
    List<TelemetrySlo> out = new ArrayList<>();
    if (!node.isList()) {
      problem(node.line(), "'" + where + "' must be a list of SLOs");
      return out;
    }
    Map<String, Integer> names = new HashMap<>();
    for (YamlNode s : node.items()) {
      if (!s.isMap()) {
        problem(s.line(), "each SLO must be a mapping with name, sli, objective");
        continue;
      }
      int before = problems.size();
      keys(s, SLO, Set.of("name", "sli", "objective"), "SLO");
      String name = string(s.fields().get("name"), "name");
      if (name != null && names.putIfAbsent(name, s.line()) != null) {
        problem(s.line(), "SLO '" + name + "' given twice in " + where);
      }
      String sliText = string(s.fields().get("sli"), "sli");
      TelemetrySlo.Sli sli = null;
      if (sliText != null) {
        try {
          sli = TelemetrySlo.Sli.valueOf(sliText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          problem(s.fields().get("sli").line(), "sli must be availability or latency: '" + sliText + "'");
        }
      }
      String service = optionalString(s.fields().get("service"), "service", TelemetrySlo.ANY);
      String operation = optionalString(s.fields().get("operation"), "operation", TelemetrySlo.ANY);
      double objective = number(s.fields().get("objective"), "objective", Double.NaN);
      double threshold = number(s.fields().get("thresholdMs"), "thresholdMs", 0);
      double period = number(s.fields().get("periodDays"), "periodDays", 30);
      if (sli == TelemetrySlo.Sli.LATENCY && !s.fields().containsKey("thresholdMs")) {
        problem(s.line(), "a latency SLO needs thresholdMs");
      }
      if (sli == TelemetrySlo.Sli.AVAILABILITY && s.fields().containsKey("thresholdMs")) {
        problem(s.fields().get("thresholdMs").line(), "thresholdMs applies to latency SLOs only");
      }
      if (problems.size() > before) {
        continue;
      }
      try {
        out.add(new TelemetrySlo(name, sli, service, operation, objective, threshold, (int) period));
      } catch (IllegalArgumentException e) {
        problem(s.line(), e.getMessage());
      }
    }
    return out;
  }

  /** Checks keys; returns whether {@code node} is a mapping. */
  private boolean keys(YamlNode node, Set<String> allowed, Set<String> required, String what) {
    if (!node.isMap()) {
      problem(node.line(), what + " must be a mapping");
      return false;
    }
    node.duplicates().forEach((k, line) -> problem(line, "key '" + k + "' given twice"));
    node.fields().forEach((k, v) -> {
      if (!allowed.contains(k)) {
        problem(v.line(), "unknown key '" + k + "' in " + what + " (allowed: " + allowed.stream().sorted().toList() + ")");
      }
    });
    required.stream().sorted().filter(k -> !node.fields().containsKey(k))
        .forEach(k -> problem(node.line(), what + " is missing required key '" + k + "'"));
    return true;
  }

  private String string(YamlNode node, String key) {
    if (node == null) {
      return null;
    }
    if (node.scalar() == null || node.scalar().isBlank()) {
      problem(node.line(), "'" + key + "' must be a non-empty string");
      return null;
    }
    return node.scalar().strip();
  }

  private String optionalString(YamlNode node, String key, String fallback) {
    if (node == null) {
      return fallback;
    }
    String s = string(node, key);
    return s == null ? fallback : s;
  }

  private double number(YamlNode node, String key, double fallback) {
    if (node == null) {
      return fallback;
    }
    try {
      if (node.scalar() == null || node.isString()) {
        throw new NumberFormatException();
      }
      return Double.parseDouble(node.scalar());
    } catch (NumberFormatException e) {
      problem(node.line(), "'" + key + "' must be a number: '" + node.scalar() + "'");
      return fallback;
    }
  }

  private List<String> strings(YamlNode node, String key) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!node.isList()) {
      problem(node.line(), "'" + key + "' must be a list of strings");
      return out;
    }
    for (YamlNode item : node.items()) {
      if (item.scalar() == null || !item.isString()) {
        problem(item.line(), "'" + key + "' must be a list of strings");
      } else {
        out.add(item.scalar().strip());
      }
    }
    return out;
  }

  private List<String> emails(YamlNode node, String key, boolean required) {
    List<String> out = new ArrayList<>();
    for (String e : strings(node, key)) {
      if (!EMAIL.matcher(e).matches()) {
        problem(node.line(), "not an email address in '" + key + "': '" + e + "'");
      }
      out.add(e.toLowerCase(Locale.ROOT));
    }
    if (required && node != null && node.isList() && out.isEmpty()) {
      problem(node.line(), "'" + key + "' needs at least one email address");
    }
    return out;
  }

  private void problem(int line, String text) {
    problems.add(new Problem(line, text));
  }
}
