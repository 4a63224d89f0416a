package com.pulse.domain.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated metric catalog: metrics in file order, names unique. Immutable.
 *
 * @param source file name or resource path it was loaded from
 * @param metrics the metrics in file order
 */
public record Catalog(String source, List<MetricDefinition> metrics) {
  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if two metrics share a name
   */
  public Catalog {
    Objects.requireNonNull(source, "source");
    metrics = List.copyOf(metrics);
    Map<String, MetricDefinition> seen = new LinkedHashMap<>();
    for (MetricDefinition m : metrics) {
      if (seen.put(m.name(), m) != null) {
        throw new IllegalArgumentException("duplicate metric name: " + m.name());
      }
    }
  }

  /** The metric called {@code name}, if any. */
  public Optional<MetricDefinition> metric(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** Metric names in file order. */
  public List<String> names() {
    return metrics.stream().map(MetricDefinition::name).toList();
  }

  /**
   * The sub-catalog of the given names, in file order.
   *
   * @throws IllegalArgumentException naming the first unknown metric
   */
  public Catalog select(List<String> names) {
    for (String n : names) {
      if (metric(n).isEmpty()) {
        throw new IllegalArgumentException("unknown metric '" + n + "'; the catalog has " + names());
      }
    }
    return new Catalog(source, metrics.stream().filter(m -> names.contains(m.name())).toList());
  }
}
