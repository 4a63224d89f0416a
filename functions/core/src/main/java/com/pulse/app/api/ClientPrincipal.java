package com.pulse.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The caller as App Service authentication (Easy Auth) describes it in the
 * {@code X-MS-CLIENT-PRINCIPAL} request header: Base64 of
 * {@code {"auth_typ":"aad","claims":[{"typ":"...","val":"..."}],"name_typ":"...","role_typ":"..."}}
 * (https://learn.microsoft.com/azure/app-service/configure-authentication-user-identities#decode-the-client-principal-header).
 * External requests cannot set the header; App Service sets it after validating the Entra token.
 * Immutable.
 *
 * @param authType identity provider, e.g. {@code aad}
 * @param name display name for logs: the {@code name_typ} claim, else the first identity
 * @param identities lower-case sign-in names and emails ({@code preferred_username}, {@code email},
 *     {@code upn}, the {@code name_typ} claim and their schema URIs), matched against tenant owners
 * @param roles app roles (claims of type {@code role_typ} or {@code roles})
 * @param groups Entra group object ids (claims of type {@code groups})
 */
public record ClientPrincipal(String authType, String name, Set<String> identities, Set<String> roles, Set<String> groups) {
  /** The request header App Service sets. */
  public static final String HEADER = "X-MS-CLIENT-PRINCIPAL";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> IDENTITY_CLAIMS = Set.of("preferred_username", "email", "upn", "unique_name",
      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name");

  /** @throws NullPointerException if an argument is null */
  public ClientPrincipal {
    java.util.Objects.requireNonNull(authType, "authType");
    java.util.Objects.requireNonNull(name, "name");
    identities = Set.copyOf(identities);
    roles = Set.copyOf(roles);
    groups = Set.copyOf(groups);
  }

  /**
   * Decodes the header value.
   *
   * @param header Base64 (standard or URL-safe alphabet) of the JSON above
   * @throws IllegalArgumentException naming the problem if it is not Base64, not JSON, or has no
   *     {@code claims} array of {@code {typ, val}} objects
   */
  public static ClientPrincipal decode(String header) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(header.trim());
    } catch (IllegalArgumentException e) {
      try {
        bytes = Base64.getUrlDecoder().decode(header.trim());
      } catch (IllegalArgumentException again) {
        throw new IllegalArgumentException(HEADER + " is not Base64", again);
      }
    }
    JsonNode root;
    try {
      root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(HEADER + " is not JSON", e);
    }
    if (root == null || !root.path("claims").isArray()) {
      throw new IllegalArgumentException(HEADER + " has no claims array");
    }
    String nameType = root.path("name_typ").asText("");
    String roleType = root.path("role_typ").asText("roles");
    Set<String> identities = new LinkedHashSet<>();
    Set<String> roles = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    String name = null;
    for (JsonNode claim : root.path("claims")) {
      if (!claim.path("typ").isTextual() || !claim.path("val").isTextual()) {
        throw new IllegalArgumentException(HEADER + " has a claim without typ and val");
      }
      String typ = claim.path("typ").asText();
      String val = claim.path("val").asText();
      if (typ.equals(roleType) || typ.equals("roles")) {
        roles.add(val);
      } else if (typ.equals("groups")) {
        groups.add(val.toLowerCase(Locale.ROOT));
      }
      if (typ.equals(nameType) && name == null) {
        name = val;
      }
      if (IDENTITY_CLAIMS.contains(typ) || typ.equals(nameType)) {
        identities.add(val.trim().toLowerCase(Locale.ROOT));
      }
    }
    if (name == null) {
      name = identities.isEmpty() ? "(unnamed principal)" : identities.iterator().next();
    }
    return new ClientPrincipal(root.path("auth_typ").asText(""), name, identities, roles, groups);
  }

  /** Encodes a principal the way App Service does (tests, the local {@code serve} command). */
  public static String encode(String name, Set<String> roles, Set<String> groups) {
    com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
    root.put("auth_typ", "aad");
    root.put("name_typ", "preferred_username");
    root.put("role_typ", "roles");
    var claims = root.putArray("claims");
    claims.addObject().put("typ", "preferred_username").put("val", name);
    roles.forEach(r -> claims.addObject().put("typ", "roles").put("val", r));
    groups.forEach(g -> claims.addObject().put("typ", "groups").put("val", g));
    return Base64.getEncoder().encodeToString(root.toString().getBytes(StandardCharsets.UTF_8));
  }
}
