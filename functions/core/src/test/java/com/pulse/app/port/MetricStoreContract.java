package com.pulse.app.port;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.metric.JobState;
import com.pulse.domain.metric.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MetricStore} must have. Subclass it once per implementation
 * (in-process, Cosmos DB) and implement {@link #newStore()}; each test uses fresh tenant and metric
 * names, so a store may be shared between tests.
 */
public abstract class MetricStoreContract {
  protected static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
  protected static final Duration HOUR = Duration.ofHours(1);

  private MetricStore store;
  private String tenant;
  private String otherTenant;

  /** A store to test (empty, or at least without the random tenants and metrics used here). */
  protected abstract MetricStore newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    tenant = "tenant-" + suffix;
    otherTenant = "other-" + suffix;
  }

  private static MetricPoint point(String metric, String tenantId, Map<String, String> dimensions,
      Instant windowStart, double value) {
    return MetricPoint.create(metric, tenantId, dimensions, windowStart, windowStart.plus(HOUR),
        Map.of("value", value, "count", value * 2), "ratio", windowStart.plus(HOUR).plusSeconds(42), "run-1");
  }

  @Test
  void readsBackAnUpsertedPoint() {
    MetricPoint written = point("active_users", tenant, Map.of("plan", "pro", "region", "eu"), T0, 0.25);
    store.upsertPoints(List.of(written));
    assertThat(store.readPoint(tenant, written.id())).contains(written);
  }

  @Test
  void readOfAnAbsentPointIsEmpty() {
    assertThat(store.readPoint(tenant, "active_users-0000")).isEmpty();
  }

  @Test
  void recomputationOverwritesInsteadOfDuplicating() {
    MetricPoint first = point("active_users", tenant, Map.of(), T0, 1.0);
    MetricPoint recomputed = point("active_users", tenant, Map.of(), T0, 2.0);
    store.upsertPoints(List.of(first));
    store.upsertPoints(List.of(recomputed));
    assertThat(recomputed.id()).isEqualTo(first.id());
    assertThat(store.readPoint(tenant, first.id())).contains(recomputed);
    assertThat(store.latestPoints(tenant)).containsExactly(recomputed);
  }

  @Test
  void upsertsManyPointsOfSeveralTenantsAtOnce() {
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      points.add(point("orders", i % 2 == 0 ? tenant : otherTenant, Map.of("shard", "s" + i), T0, i));
    }
    store.upsertPoints(points);
    for (MetricPoint point : points) {
      assertThat(store.readPoint(point.tenantId(), point.id())).contains(point);
    }
    assertThat(store.latestPoints(tenant)).hasSize(30).allMatch(p -> p.tenantId().equals(tenant));
    assertThat(store.latestPoints(otherTenant)).hasSize(30);
  }

  @Test
  void latestPointsHoldTheNewestWindowOfEveryMetricInOrder() {
    MetricPoint oldOrders = point("orders", tenant, Map.of("region", "eu"), T0, 1);
    MetricPoint newOrdersUs = point("orders", tenant, Map.of("region", "us"), T0.plus(HOUR), 2);
    MetricPoint newOrdersEu = point("orders", tenant, Map.of("region", "eu"), T0.plus(HOUR), 3);
    MetricPoint churn = point("churn_rate", tenant, Map.of(), T0, 0.1);
    store.upsertPoints(List.of(oldOrders, churn));
    store.upsertPoints(List.of(newOrdersUs));
    store.upsertPoints(List.of(newOrdersEu)); // same window, another dimension: merged

    assertThat(store.latestPoints(tenant)).containsExactly(churn, newOrdersEu, newOrdersUs);
  }

  @Test
  void aLateRecomputationOfAnOlderWindowDoesNotMoveLatestBack() {
    MetricPoint newer = point("orders", tenant, Map.of(), T0.plus(HOUR), 5);
    store.upsertPoints(List.of(newer));
    MetricPoint backfill = point("orders", tenant, Map.of(), T0, 4);
    store.upsertPoints(List.of(backfill));

    assertThat(store.latestPoints(tenant)).containsExactly(newer);
    assertThat(store.readPoint(tenant, backfill.id())).contains(backfill);
  }

  @Test
  void latestPointsOfAnUnknownTenantAreEmpty() {
    assertThat(store.latestPoints("nobody-" + tenant)).isEmpty();
  }

  @Test
  void emptyUpsertIsANoOp() {
    store.upsertPoints(List.of());
    assertThat(store.latestPoints(tenant)).isEmpty();
  }

  @Test
  void jobStateRoundTripsAndOverwrites() {
    String metric = "m_" + tenant.replace('-', '_');
    assertThat(store.readJob(metric)).isEmpty();
    JobState failed = new JobState(metric, T0, "run-1", T0.plusSeconds(5), "failed", "timeout", 1);
    store.writeJob(failed);
    assertThat(store.readJob(metric)).contains(failed);

    JobState ok = new JobState(metric, T0.plus(HOUR), "run-2", T0.plus(HOUR).plusSeconds(5), "ok", null, 0);
    store.writeJob(ok);
    assertThat(store.readJob(metric)).contains(ok);
  }

  @Test
  void readJobsReturnsOnlyTheStoredOnes() {
    String a = "a_" + tenant.replace('-', '_');
    String b = "b_" + tenant.replace('-', '_');
    JobState stateA = JobState.initial(a);
    JobState stateB = new JobState(b, T0, "run-9", T0, "ok", null, 0);
    store.writeJob(stateA);
    store.writeJob(stateB);

    assertThat(store.readJobs(List.of(a, b, "missing_" + a)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(a, stateA, b, stateB));
    assertThat(store.readJobs(List.of())).isEmpty();
  }
}
