package com.pulse.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The real mssql-jdbc driver against a closed local port, with a fake Entra credential. */
class SqlServerConnectionSourceTest {
  private static final Instant NOW = Instant.parse("2024-05-01T00:00:00Z");

  /** Records requested scopes and hands out a token valid for one hour. */
  static final class FakeCredential implements TokenCredential {
    final List<List<String>> scopes = new CopyOnWriteArrayList<>();

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      return Mono.fromSupplier(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
      scopes.add(request.getScopes());
      return new AccessToken("fake-token", OffsetDateTime.ofInstant(NOW.plusSeconds(3600), ZoneOffset.UTC));
    }
  }

  @Test
  void asksForTheSqlScopeOnceAndReportsAnUnreachableServerAsTransient() {
    FakeCredential credential = new FakeCredential();
    SqlServerConnectionSource source = new SqlServerConnectionSource(
        "jdbc:sqlserver://127.0.0.1:1;databaseName=pulse;encrypt=true;trustServerCertificate=false;loginTimeout=2",
        credential, Clock.fixed(NOW, ZoneOffset.UTC));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(source::open).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(SqlServerTransientErrors.isTransient(e)).as(e.getSQLState() + " " + e.getMessage()).isTrue());
    }
    assertThat(credential.scopes).containsExactly(List.of("https://database.windows.net/.default"));
  }

  @Test
  void refusesPasswordsAndOtherDrivers() {
    FakeCredential credential = new FakeCredential();
    assertThatThrownBy(() -> new SqlServerConnectionSource("jdbc:sqlserver://h;user=u;password=p", credential,
        Clock.systemUTC())).hasMessageContaining("must not carry a password");
    assertThatThrownBy(() -> new SqlServerConnectionSource("jdbc:postgresql://h/db", credential, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
