package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.azure.cosmos.util.CosmosPagedIterable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.observability.PulseTracing;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.WindowDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The query paths (window range, dead-letter list and count). The local cosmosdb-server cannot run
 * queries for the Java SDK (it does not implement the gateway's query-plan request), so these are
 * unit tests of the query text, its parameters and how the stores run it (Mockito on the container).
 */
class CosmosQueriesTest {
  private static final Instant FROM = Instant.parse("2024-05-01T10:00:00Z");
  private static final Instant TO = Instant.parse("2024-05-01T11:00:00Z");

  private static Map<String, Object> parameters(SqlQuerySpec spec) {
    return spec.getParameters().stream().collect(java.util.stream.Collectors.toMap(
        SqlParameter::getName, p -> p.getValue(Object.class)));
  }

  @Test
  void windowRangeIsAHalfOpenRangeOnOneTenantAndGranularity() {
    SqlQuerySpec spec = CosmosQueries.windowRange("acme", "PT1M", FROM, TO);
    assertThat(spec.getQueryText()).isEqualTo("SELECT * FROM c WHERE c.tenantId = @tenantId"
        + " AND c.granularity = @granularity AND c.windowStart >= @from AND c.windowStart < @to"
        + " AND (NOT IS_DEFINED(c.signal) OR c.signal != 'metric') ORDER BY c.windowStart");
    assertThat(parameters(spec)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "@tenantId", "acme", "@granularity", "PT1M", "@from", "2024-05-01T10:00:00Z", "@to", "2024-05-01T11:00:00Z"));
  }

  @Test
  void instantsAreWrittenInTheFormatTheDocumentsUse() {
    WindowDocument doc = new WindowDocument("id", "acme", "s", "o", null, "PT1M", FROM, TO, "0", 0, 0, 0, 0,
        new byte[0], new byte[0], -1, 1, TO);
    assertThat(CosmosDocuments.toDocument(doc).get("windowStart").asText())
        .isEqualTo(parameters(CosmosQueries.windowRange("acme", "PT1M", FROM, TO)).get("@from"));
  }

  @Test
  void deadLetterQueriesAreParameterized() {
    SqlQuerySpec oldest = CosmosQueries.oldestDeadLetters(25);
    assertThat(oldest.getQueryText()).isEqualTo("SELECT TOP @limit * FROM c ORDER BY c.deadLetteredAt");
    assertThat(parameters(oldest)).containsExactly(Map.entry("@limit", 25));
    assertThat(CosmosQueries.count().getQueryText()).isEqualTo("SELECT VALUE COUNT(1) FROM c");
  }

  @SuppressWarnings("unchecked")
  private static <T> CosmosContainer containerAnswering(Class<T> type, List<T> results, double charge) {
    CosmosContainer container = mock(CosmosContainer.class);
    CosmosPagedIterable<T> pages = mock(CosmosPagedIterable.class);
    FeedResponse<T> page = mock(FeedResponse.class);
    when(page.getResults()).thenReturn(results);
    when(page.getRequestCharge()).thenReturn(charge);
    when(pages.streamByPage()).thenReturn(Stream.of(page));
    when(container.queryItems(any(SqlQuerySpec.class), any(CosmosQueryRequestOptions.class), eq(type))).thenReturn(pages);
    return container;
  }

  @Test
  void listRangeRunsInTheTenantsPartitionAndMapsTheDocuments() {
    WindowDocument doc = new WindowDocument("w1", "acme", "s", "o", null, "PT1M", FROM, FROM.plusSeconds(60), "0", 3, 0, 0,
        1.5, new byte[] {1}, new byte[0], 9, 2, TO);
    CosmosContainer container = containerAnswering(ObjectNode.class, List.of(CosmosDocuments.toDocument(doc)), 2.5);
    CosmosWindowStore store = new CosmosWindowStore(container,
        new CosmosCalls("windows", CosmosTelemetry.noop(), PulseTracing.noop()), Duration.ofDays(1));

    List<WindowDocument> found = store.listRange("acme", "PT1M", FROM, TO);

    assertThat(found).singleElement().usingRecursiveComparison().isEqualTo(doc);
    ArgumentCaptor<SqlQuerySpec> spec = ArgumentCaptor.forClass(SqlQuerySpec.class);
    ArgumentCaptor<CosmosQueryRequestOptions> options = ArgumentCaptor.forClass(CosmosQueryRequestOptions.class);
    verify(container).queryItems(spec.capture(), options.capture(), eq(ObjectNode.class));
    assertThat(spec.getValue().getQueryText()).isEqualTo(CosmosQueries.windowRange("acme", "PT1M", FROM, TO).getQueryText());
    assertThat(options.getValue().getPartitionKey()).isEqualTo(new PartitionKey("acme"));
  }

  @Test
  void deadLetterListIsSinglePartitionWhenAPartitionIsGivenAndCountSumsPages() {
    DeadLetter letter = new DeadLetter("1-5", "1", "500", 5, FROM, "bad", null, Map.of(), "AQI=", TO);
    CosmosContainer container = containerAnswering(ObjectNode.class, List.of(CosmosDocuments.toDocument(letter)), 3);
    CosmosDeadLetterStore store = new CosmosDeadLetterStore(container,
        new CosmosCalls("deadletter", CosmosTelemetry.noop(), PulseTracing.noop()));

    assertThat(store.list("1", 10)).containsExactly(letter);
    ArgumentCaptor<CosmosQueryRequestOptions> options = ArgumentCaptor.forClass(CosmosQueryRequestOptions.class);
    verify(container).queryItems(any(SqlQuerySpec.class), options.capture(), eq(ObjectNode.class));
    assertThat(options.getValue().getPartitionKey()).isEqualTo(new PartitionKey("1"));

    CosmosContainer counting = containerAnswering(Long.class, List.of(42L), 1);
    assertThat(new CosmosDeadLetterStore(counting, new CosmosCalls("deadletter", CosmosTelemetry.noop(),
        PulseTracing.noop())).count()).isEqualTo(42);
  }
}
