package com.pulse.adapter.keyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpResponse;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.pulse.app.port.DependencyException;
import com.pulse.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class KeyVaultSecretSourceTest {
  private static final String VAULT = "https://kv-pulse.vault.azure.net/";
  private final SecretClient client = mock(SecretClient.class);
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-21T06:00:00Z"));
  private final KeyVaultSecretSource source =
      new KeyVaultSecretSource(client, VAULT, clock, Duration.ofMinutes(15));

  @Test
  void servesFromCacheUntilTheRefreshIntervalThenReReads() {
    when(client.getSecret("warehouse-jdbc-url"))
        .thenReturn(new KeyVaultSecret("warehouse-jdbc-url", "v1"), new KeyVaultSecret("warehouse-jdbc-url", "v2"));

    assertThat(source.secret("warehouse-jdbc-url")).isEqualTo("v1");
    clock.advance(Duration.ofMinutes(14));
    assertThat(source.secret("warehouse-jdbc-url")).isEqualTo("v1");
    verify(client, times(1)).getSecret("warehouse-jdbc-url");

    clock.advance(Duration.ofMinutes(1));
    assertThat(source.secret("warehouse-jdbc-url")).isEqualTo("v2");
    verify(client, times(2)).getSecret("warehouse-jdbc-url");
  }

  @Test
  void missingSecretFailsStartUpWithItsName() {
    when(client.getSecret("present")).thenReturn(new KeyVaultSecret("present", "x"));
    ResourceNotFoundException notFound = new ResourceNotFoundException("SecretNotFound", response(404));
    when(client.getSecret("warehouse-user")).thenThrow(notFound);
    when(client.getSecret("warehouse-db")).thenThrow(notFound);

    assertThatThrownBy(() -> source.require(List.of("present", "warehouse-user", "warehouse-db")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("missing secrets: warehouse-user, warehouse-db");
    assertThatThrownBy(() -> source.secret("warehouse-user"))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("'warehouse-user'").hasMessageContaining(VAULT);
  }

  @Test
  void throttlingWithoutCacheIsADependencyFailure() {
    HttpResponseException throttled = new HttpResponseException("Too many requests", response(429));
    when(client.getSecret("s")).thenThrow(throttled);

    assertThatThrownBy(() -> source.secret("s"))
        .isInstanceOfSatisfying(DependencyException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
  }

  @Test
  void failedRefreshKeepsServingTheStaleValue() {
    HttpResponseException unavailable = new HttpResponseException("Service unavailable", response(503));
    when(client.getSecret("s")).thenReturn(new KeyVaultSecret("s", "old"))
        .thenThrow(unavailable)
        .thenReturn(new KeyVaultSecret("s", "new"));

    assertThat(source.secret("s")).isEqualTo("old");
    clock.advance(Duration.ofMinutes(16));
    assertThat(source.secret("s")).isEqualTo("old");
    assertThat(source.secret("s")).isEqualTo("new");
  }

  @Test
  void forbiddenIsAConfigurationErrorNamingTheRole() {
    HttpResponseException forbidden = new HttpResponseException("Forbidden", response(403));
    when(client.getSecret("s")).thenThrow(forbidden);

    assertThatThrownBy(() -> source.secret("s"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Key Vault Secrets User");
  }

  @Test
  void aRejectedRequestIsAnErrorNotATransientFailure() {
    HttpResponseException badName = new HttpResponseException("BadParameter", response(400));
    when(client.getSecret("s")).thenReturn(new KeyVaultSecret("s", "old")).thenThrow(badName);

    assertThat(source.secret("s")).isEqualTo("old");
    clock.advance(Duration.ofMinutes(16));
    // a 400 will not heal by retrying: it is reported, not hidden behind the stale value
    assertThatThrownBy(() -> source.secret("s"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 400");
  }

  @Test
  void rejectsNonPositiveRefreshInterval() {
    assertThatThrownBy(() -> new KeyVaultSecretSource(client, VAULT, clock, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refreshInterval");
  }

  private static HttpResponse response(int status) {
    HttpResponse response = mock(HttpResponse.class);
    when(response.getStatusCode()).thenReturn(status);
    return response;
  }
}
