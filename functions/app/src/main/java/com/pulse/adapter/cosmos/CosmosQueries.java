package com.pulse.adapter.cosmos;

import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import java.time.Instant;
import java.util.List;

/**
 * The few Cosmos DB SQL queries Pulse runs, all off the hot paths (HTTP API, health, replay) and all
 * parameterized (https://learn.microsoft.com/azure/cosmos-db/nosql/query/parameterized-queries).
 * Instants are compared as ISO-8601 strings, which order like the instants because Pulse writes them
 * in one format ({@code Instant#toString}, UTC, whole seconds for window bounds).
 */
public final class CosmosQueries {
  private CosmosQueries() {}

  /**
   * Request and dependency window documents of one tenant and granularity whose window starts in
   * {@code [from, to)}, oldest first; documents of another signal in the same container (they have a
   * {@code signal} field, e.g. log windows) are left out. Run with the tenant as partition key: a
   * single-partition query.
   */
  public static SqlQuerySpec windowRange(String tenantId, String granularity, Instant from, Instant to) {
    return new SqlQuerySpec(
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.granularity = @granularity"
            + " AND c.windowStart >= @from AND c.windowStart < @to AND NOT IS_DEFINED(c.signal)"
            + " ORDER BY c.windowStart",
        List.of(new SqlParameter("@tenantId", tenantId), new SqlParameter("@granularity", granularity),
            new SqlParameter("@from", from.toString()), new SqlParameter("@to", to.toString())));
  }

  /**
   * Window documents of one {@code signal} (e.g. {@code log}), tenant and granularity whose window
   * starts in {@code [from, to)}, oldest first. Run with the tenant as partition key.
   */
  public static SqlQuerySpec signalWindowRange(String signal, String tenantId, String granularity, Instant from,
      Instant to) {
    return new SqlQuerySpec(
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.signal = @signal AND c.granularity = @granularity"
            + " AND c.windowStart >= @from AND c.windowStart < @to ORDER BY c.windowStart",
        List.of(new SqlParameter("@tenantId", tenantId), new SqlParameter("@signal", signal),
            new SqlParameter("@granularity", granularity), new SqlParameter("@from", from.toString()),
            new SqlParameter("@to", to.toString())));
  }

  /**
   * The oldest {@code limit} dead letters, by dead-letter time. Run with the partition id as
   * partition key for one partition, or cross-partition for all.
   */
  public static SqlQuerySpec oldestDeadLetters(int limit) {
    return new SqlQuerySpec("SELECT TOP @limit * FROM c ORDER BY c.deadLetteredAt",
        List.of(new SqlParameter("@limit", limit)));
  }

  /** Number of documents in a container (cross-partition aggregate; health endpoint only). */
  public static SqlQuerySpec count() {
    return new SqlQuerySpec("SELECT VALUE COUNT(1) FROM c");
  }
}
