package com.pulse.infra;

import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares the app settings the Java code reads with those Bicep sets, both ways.
 *
 * <p>Identity-based connections are prefixes: a binding with {@code connection = "TelemetryHub"}
 * is satisfied by {@code TelemetryHub__fullyQualifiedNamespace} (and friends), and such
 * {@code Prefix__suffix} settings in Bicep are justified by the prefix in the code.
 * See https://learn.microsoft.com/azure/azure-functions/functions-reference#configure-an-identity-based-connection
 *
 * @param missingInBicep read by the code, set by no Bicep setting
 * @param unusedInBicep set by Bicep, read by no code and not allow-listed
 */
record AppSettingsDiff(SortedSet<String> missingInBicep, SortedSet<String> unusedInBicep) {

  /**
   * Computes the difference.
   *
   * @param code setting names and connection prefixes the code reads
   * @param bicep setting names Bicep sets
   * @param allowedWithoutCode settings the platform reads (name -> reason), allowed in Bicep only
   * @param localOnly settings only local mode reads (name -> reason), not expected in Bicep
   */
  static AppSettingsDiff of(
      Set<String> code, Set<String> bicep, Map<String, String> allowedWithoutCode, Map<String, String> localOnly) {
    SortedSet<String> missing = new TreeSet<>();
    for (String name : code) {
      if (localOnly.containsKey(name)) {
        continue;
      }
      boolean set = bicep.contains(name) || bicep.stream().anyMatch(b -> b.startsWith(name + "__"));
      if (!set) {
        missing.add(name);
      }
    }
    SortedSet<String> unused = new TreeSet<>();
    for (String name : bicep) {
      int separator = name.indexOf("__");
      boolean read = code.contains(name)
          || (separator > 0 && code.contains(name.substring(0, separator)))
          || allowedWithoutCode.containsKey(name);
      if (!read) {
        unused.add(name);
      }
    }
    return new AppSettingsDiff(missing, unused);
  }

  boolean isEmpty() {
    return missingInBicep.isEmpty() && unusedInBicep.isEmpty();
  }
}
