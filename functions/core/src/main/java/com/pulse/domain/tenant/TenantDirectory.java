package com.pulse.domain.tenant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The loaded tenants file: tenants by id, the default owner of tenants the file does not list, the
 * tiers' telemetry objectives and the API's role names. Lookups are map reads. Immutable and
 * thread-safe.
 *
 * <p><b>Unknown tenants</b> (a tenant id in the data but not in the file) belong to
 * {@link #defaultOwners()} and get the {@link #defaultTier()}'s objectives, so nothing goes unowned.
 */
public final class TenantDirectory {
  private final String source;
  private final Map<String, Tenant> tenants;
  private final List<String> defaultOwners;
  private final String defaultTier;
  private final Map<String, List<TelemetrySlo>> tiers;
  private final String operatorRole;
  private final String customerEngineerRole;

  /**
   * @param source file name the directory was loaded from
   * @param tenants listed tenants (ids unique)
   * @param defaultOwners owners of unlisted tenants, at least one
   * @param defaultTier tier of unlisted tenants, a key of {@code tiers}
   * @param tiers telemetry objectives per tier name
   * @param operatorRole app role that may read every tenant, e.g. {@code Pulse.Operator}
   * @param customerEngineerRole app role that may read the tenants the caller owns, e.g. {@code Pulse.CustomerEngineer}
   * @throws IllegalArgumentException if a tenant id repeats, no default owner is given or the default tier is unknown
   * @throws NullPointerException if an argument is null
   */
  public TenantDirectory(String source, Collection<Tenant> tenants, List<String> defaultOwners, String defaultTier,
      Map<String, List<TelemetrySlo>> tiers, String operatorRole, String customerEngineerRole) {
    this.source = Objects.requireNonNull(source, "source");
    Map<String, Tenant> byId = new LinkedHashMap<>();
    for (Tenant t : tenants) {
      if (byId.put(t.id(), t) != null) {
        throw new IllegalArgumentException("tenant " + t.id() + " listed twice");
      }
    }
    this.tenants = java.util.Collections.unmodifiableMap(byId);
    if (defaultOwners.isEmpty()) {
      throw new IllegalArgumentException("at least one default owner is required");
    }
    this.defaultOwners = List.copyOf(defaultOwners);
    Map<String, List<TelemetrySlo>> t = new TreeMap<>();
    tiers.forEach((name, slos) -> t.put(name, List.copyOf(slos)));
    this.tiers = java.util.Collections.unmodifiableMap(t);
    if (!this.tiers.containsKey(Objects.requireNonNull(defaultTier, "defaultTier"))) {
      throw new IllegalArgumentException("default tier " + defaultTier + " is not a tier: " + this.tiers.keySet());
    }
    this.defaultTier = defaultTier;
    this.operatorRole = Objects.requireNonNull(operatorRole, "operatorRole");
    this.customerEngineerRole = Objects.requireNonNull(customerEngineerRole, "customerEngineerRole");
  }

  /** A directory without listed tenants: everything belongs to {@code defaultOwners}, no telemetry SLOs. */
  public static TenantDirectory ownedBy(List<String> defaultOwners) {
    return new TenantDirectory("(none)", List.of(), defaultOwners, "default", Map.of("default", List.of()),
        "Pulse.Operator", "Pulse.CustomerEngineer");
  }

  /** File name the directory was loaded from. */
  public String source() {
    return source;
  }

  /** Listed tenants in file order. */
  public Collection<Tenant> tenants() {
    return tenants.values();
  }

  /** The listed tenant with this id, if any. */
  public Optional<Tenant> tenant(String tenantId) {
    return Optional.ofNullable(tenants.get(tenantId));
  }

  /** Owners of unlisted tenants. */
  public List<String> defaultOwners() {
    return defaultOwners;
  }

  /** Tier of unlisted tenants. */
  public String defaultTier() {
    return defaultTier;
  }

  /** Objectives per tier name, sorted by name. */
  public Map<String, List<TelemetrySlo>> tiers() {
    return tiers;
  }

  /** App role that reads every tenant. */
  public String operatorRole() {
    return operatorRole;
  }

  /** App role that reads the tenants the caller owns (by email) or whose groups the caller is in. */
  public String customerEngineerRole() {
    return customerEngineerRole;
  }

  /** The customer engineers who own {@code tenantId}: its owners, or the default owners if unlisted. */
  public List<String> ownersOf(String tenantId) {
    Tenant t = tenants.get(tenantId);
    return t == null ? defaultOwners : t.owners();
  }

  /** The telemetry objectives of {@code tenantId}: its own, or the default tier's if unlisted. */
  public List<TelemetrySlo> slosOf(String tenantId) {
    Tenant t = tenants.get(tenantId);
    return t == null ? tiers.get(defaultTier) : t.slos();
  }

  /** Display name, or the id for an unlisted tenant. */
  public String displayName(String tenantId) {
    Tenant t = tenants.get(tenantId);
    return t == null ? tenantId : t.displayName();
  }

  /** Whether {@code email} (any case) owns the tenant, see {@link #ownersOf}. */
  public boolean isOwner(String email, String tenantId) {
    return ownersOf(tenantId).contains(email.trim().toLowerCase(Locale.ROOT));
  }

  /** Every owner named in the file (tenants and default), sorted, for the access matrix. */
  public List<String> allOwners() {
    java.util.SortedSet<String> all = new java.util.TreeSet<>(defaultOwners);
    tenants.values().forEach(t -> all.addAll(t.owners()));
    return new ArrayList<>(all);
  }
}
