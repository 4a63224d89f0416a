package com.pulse.adapter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.identity.DefaultAzureCredential;
import com.azure.identity.ManagedIdentityCredential;
import org.junit.jupiter.api.Test;

class AzureCredentialsTest {
  @Test
  void aClientIdSelectsTheUserAssignedManagedIdentity() {
    assertThat(AzureCredentials.create("6f0c1b5e-0000-4000-8000-000000000001"))
        .isInstanceOf(ManagedIdentityCredential.class);
    assertThat(AzureCredentials.usesManagedIdentity("6f0c1b5e-0000-4000-8000-000000000001")).isTrue();
  }

  @Test
  void withoutAClientIdTheDeveloperChainIsUsed() {
    assertThat(AzureCredentials.create(null)).isInstanceOf(DefaultAzureCredential.class);
    assertThat(AzureCredentials.create(" ")).isInstanceOf(DefaultAzureCredential.class);
    assertThat(AzureCredentials.usesManagedIdentity("")).isFalse();
  }
}
