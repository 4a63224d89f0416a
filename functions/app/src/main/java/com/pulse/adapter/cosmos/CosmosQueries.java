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
   * Window documents of one tenant and granularity whose window starts in {@code [from, to)}, oldest
   * first, without the metric window documents that share the container ({@code signal = "metric"}).
   * Run with the tenant as partition key: a single-partition query.
   */
  public static SqlQuerySpec windowRange(String tenantId, String granularity, Instant from, Instant to) {
    return new SqlQuerySpec(
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.granularity = @granularity"
            + " AND c.windowStart >= @from AND c.windowStart < @to"
            + " AND (NOT IS_DEFINED(c.signal) OR c.signal != 'metric') ORDER BY c.windowStart",
        List.of(new SqlParameter("@tenantId", tenantId), new SqlParameter("@granularity", granularity),
            new SqlParameter("@from", from.toString()), new SqlParameter("@to", to.toString())));
  }

  /**
   * Metric window documents ({@code signal = "metric"}) of one tenant and granularity whose window
   * starts in {@code [from, to)}, oldest first; a single-partition query.
   */
  public static SqlQuerySpec metricWindowRange(String tenantId, String granularity, Instant from, Instant to) {
    return new SqlQuerySpec(
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.signal = 'metric' AND c.granularity = @granularity"
            + " AND c.windowStart >= @from AND c.windowStart < @to ORDER BY c.windowStart",
        List.of(new SqlParameter("@tenantId", tenantId), new SqlParameter("@granularity", granularity),
            new SqlParameter("@from", from.toString()), new SqlParameter("@to", to.toString())));
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
