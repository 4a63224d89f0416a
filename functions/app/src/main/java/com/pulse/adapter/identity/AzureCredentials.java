package com.pulse.adapter.identity;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;

/**
 * The one Entra ID {@link TokenCredential} of the app, shared by every Azure client (Cosmos DB, Event
 * Hubs, Key Vault, ACS Email, Azure Monitor ingestion, the warehouse JDBC token).
 *
 * <ul>
 *   <li>In Azure ({@code AZURE_CLIENT_ID} set): {@code ManagedIdentityCredential} for the Function
 *       App's user-assigned identity. Only that identity is tried, so a misconfiguration fails fast
 *       instead of silently falling through to another credential.
 *   <li>Locally (no client id): {@code DefaultAzureCredential} (environment, workload identity, Azure
 *       CLI, Azure Developer CLI, ...), so a developer's {@code az login} works against a dev
 *       environment.
 * </ul>
 *
 * See https://learn.microsoft.com/azure/developer/java/sdk/authentication/credential-chains. The
 * returned credentials are thread-safe and cache tokens until shortly before they expire; build one
 * per process.
 */
public final class AzureCredentials {
  private AzureCredentials() {}

  /**
   * Builds the app credential.
   *
   * @param managedIdentityClientId client id of the user-assigned managed identity (setting
   *     {@code AZURE_CLIENT_ID}), or null/blank to use {@code DefaultAzureCredential}
   * @return a thread-safe credential; no token is requested until first use
   */
  public static TokenCredential create(String managedIdentityClientId) {
    if (managedIdentityClientId == null || managedIdentityClientId.isBlank()) {
      return new DefaultAzureCredentialBuilder().build();
    }
    return new ManagedIdentityCredentialBuilder().clientId(managedIdentityClientId.strip()).build();
  }

  /** True if {@link #create} would return a managed identity credential for this client id. */
  public static boolean usesManagedIdentity(String managedIdentityClientId) {
    return managedIdentityClientId != null && !managedIdentityClientId.isBlank();
  }
}
