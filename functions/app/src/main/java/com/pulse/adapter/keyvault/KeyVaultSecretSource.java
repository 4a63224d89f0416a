package com.pulse.adapter.keyvault;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.SecretSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link SecretSource} over Azure Key Vault ({@code azure-security-keyvault-secrets}), with an
 * in-memory cache: a value is served from memory until it is {@code refreshInterval} old, then the
 * latest version is re-read. If that re-read fails transiently (throttling 429, 5xx, network), the
 * stale value keeps being served (logged) until the vault answers again; without a cached value the
 * failure is thrown.
 *
 * <p>Errors: 404 → {@link NoSuchElementException} naming the secret and the vault; 401/403 (missing
 * role Key Vault Secrets User) and any other 4xx (a rejected request) → {@link IllegalStateException};
 * 408/429/5xx or I/O → {@link DependencyException} with the status. Thread-safe: two threads may refresh the same
 * secret at once (both reads are correct; the later write wins).
 */
public final class KeyVaultSecretSource implements SecretSource {
  private static final Logger LOG = Logger.getLogger(KeyVaultSecretSource.class.getName());

  private record Cached(String value, Instant fetchedAt) {}

  private final SecretClient client;
  private final String vaultUrl;
  private final Clock clock;
  private final Duration refreshInterval;
  private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

  /**
   * @param client secret client of one vault
   * @param vaultUrl the vault's URI, for error messages
   * @param clock time source of the cache
   * @param refreshInterval age after which a cached value is re-read; positive
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code refreshInterval} is not positive
   */
  public KeyVaultSecretSource(SecretClient client, String vaultUrl, Clock clock, Duration refreshInterval) {
    this.client = Objects.requireNonNull(client, "client");
    this.vaultUrl = Objects.requireNonNull(vaultUrl, "vaultUrl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("refreshInterval must be positive: " + refreshInterval);
    }
    this.refreshInterval = refreshInterval;
  }

  /**
   * Builds the source with an Entra credential.
   *
   * @param vaultUrl e.g. {@code https://kv-pulse.vault.azure.net/}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code refreshInterval} is not positive
   */
  public static KeyVaultSecretSource create(String vaultUrl, TokenCredential credential, Clock clock,
      Duration refreshInterval) {
    SecretClient client = new SecretClientBuilder()
        .vaultUrl(Objects.requireNonNull(vaultUrl, "vaultUrl"))
        .credential(Objects.requireNonNull(credential, "credential"))
        .buildClient();
    return new KeyVaultSecretSource(client, vaultUrl, clock, refreshInterval);
  }

  @Override
  public String secret(String name) {
    Objects.requireNonNull(name, "name");
    Instant now = clock.instant();
    Cached cached = cache.get(name);
    if (cached != null && now.isBefore(cached.fetchedAt().plus(refreshInterval))) {
      return cached.value();
    }
    try {
      String value = fetch(name);
      cache.put(name, new Cached(value, now));
      return value;
    } catch (DependencyException e) {
      if (cached == null) {
        throw e;
      }
      LOG.log(Level.WARNING, "Key Vault refresh of secret '" + name + "' failed; serving the value read at "
          + cached.fetchedAt(), e);
      return cached.value();
    }
  }

  private String fetch(String name) {
    try {
      String value = client.getSecret(name).getValue();
      if (value == null) {
        throw new NoSuchElementException("Key Vault secret '" + name + "' in " + vaultUrl + " has no value");
      }
      return value;
    } catch (ResourceNotFoundException e) {
      NoSuchElementException missing =
          new NoSuchElementException("Key Vault secret '" + name + "' not found in " + vaultUrl);
      missing.initCause(e);
      throw missing;
    } catch (HttpResponseException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
      if (status == 401 || status == 403) {
        throw new IllegalStateException("Key Vault " + vaultUrl + " denied reading secret '" + name
            + "' (HTTP " + status + "): grant the app's identity Key Vault Secrets User", e);
      }
      if (status >= 400 && status < 500 && status != 408 && status != 429) {
        throw new IllegalStateException("Key Vault " + vaultUrl + " rejected reading secret '" + name
            + "' (HTTP " + status + "): " + e.getMessage(), e);
      }
      throw new DependencyException("Key Vault read of secret '" + name + "' failed (HTTP " + status + ")",
          status, null, e);
    } catch (NoSuchElementException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DependencyException("Key Vault read of secret '" + name + "' failed: " + e.getMessage(),
          0, null, e);
    }
  }
}
