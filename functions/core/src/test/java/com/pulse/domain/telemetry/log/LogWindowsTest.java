package com.pulse.domain.telemetry.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogWindowsTest {
  private static final LatenessPolicy POLICY = LatenessPolicy.of(Duration.ofMinutes(5));
  private static final long T = Instant.parse("2026-11-21T10:00:10Z").toEpochMilli();
  private static final Instant NOW = Instant.parse("2026-11-21T11:00:00Z");

  /** One record per element: service index, severity number, message. */
  private record Rec(String service, int severity, String message) {}

  private static LogWindowDocument fold(List<Rec> records, int... boundaries) {
    LogWindowDocument doc = null;
    int from = 0;
    int[] cuts = java.util.stream.IntStream.concat(java.util.Arrays.stream(boundaries),
        java.util.stream.IntStream.of(records.size())).toArray();
    for (int cut : cuts) {
      LogAggregator a = new LogAggregator(POLICY, null);
      for (int i = from; i < cut; i++) {
        a.beginEvent(i, T);
        Rec r = records.get(i);
        a.logRecord("contoso", r.service(), r.severity(), T, r.message());
      }
      if (cut > from) {
        doc = LogWindows.merge(doc, a.accumulators().get(0), "0", NOW);
      }
      from = cut;
    }
    return doc;
  }

  @Test
  void countsPerServiceAndBucket() {
    LogWindowDocument d = fold(List.of(new Rec("a", 9, null), new Rec("a", 12, null), new Rec("a", 17, "x 1"),
        new Rec("b", 0, null), new Rec("a", 24, "y")));

    assertThat(d.id()).startsWith("log-pt1m-");
    assertThat(d.signal()).isEqualTo("log");
    assertThat(d.count()).isEqualTo(5);
    assertThat(d.series()).extracting(LogSeries::service, LogSeries::severity, LogSeries::count).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a", "INFO", 2L), org.assertj.core.groups.Tuple.tuple("a", "ERROR", 1L),
        org.assertj.core.groups.Tuple.tuple("a", "FATAL", 1L), org.assertj.core.groups.Tuple.tuple("b", "UNSPECIFIED", 1L));
    assertThat(d.series().get(1).templates()).containsExactly(new LogTemplateCount("x <num>", 1));
  }

  @Test
  void aSeriesKeepsTheFirstTenTemplatesAndCountsTheRest() {
    List<Rec> records = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      records.add(new Rec("a", 17, "shape" + (char) ('a' + i) + " 1"));
    }
    records.add(new Rec("a", 17, "shapea 2"));
    records.add(new Rec("a", 17, "shapel 2"));

    LogSeries s = fold(records).series().get(0);

    assertThat(s.count()).isEqualTo(14);
    assertThat(s.templates()).hasSize(LogWindows.MAX_TEMPLATES);
    assertThat(s.templates().get(0)).isEqualTo(new LogTemplateCount("shapea <num>", 2));
    assertThat(s.otherTemplateCount()).isEqualTo(3); // shapek, shapel twice
    assertThat(s.templates().stream().mapToLong(LogTemplateCount::count).sum() + s.otherTemplateCount())
        .isEqualTo(s.count());
  }

  @Test
  void servicesBeyondTheBoundCountUnderOtherServices() {
    List<Rec> records = new java.util.ArrayList<>();
    for (int i = 0; i < LogWindows.MAX_SERVICES + 5; i++) {
      records.add(new Rec(String.format("svc-%03d", i), 9, null));
    }
    LogWindowDocument d = fold(records);

    assertThat(d.series()).hasSize(LogWindows.MAX_SERVICES + 1);
    assertThat(d.series()).filteredOn(s -> s.service().equals(LogWindows.OTHER_SERVICES))
        .singleElement().extracting(LogSeries::count).isEqualTo(5L);
    assertThat(d.count()).isEqualTo(LogWindows.MAX_SERVICES + 5);
  }

  @Test
  void theDocumentDoesNotDependOnWhereBatchesEnd() {
    SplittableRandom r = new SplittableRandom(7);
    List<Rec> records = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      records.add(new Rec("svc-" + r.nextInt(130), r.nextInt(25), "shape" + r.nextInt(25) + " " + r.nextInt(99)));
    }
    LogWindowDocument onePass = fold(records);

    for (int trial = 0; trial < 20; trial++) {
      int[] cuts = r.ints(1 + r.nextInt(30), 1, records.size()).sorted().distinct().toArray();
      LogWindowDocument batched = fold(records, cuts);
      assertThat(batched.series()).as("cuts %s", java.util.Arrays.toString(cuts)).isEqualTo(onePass.series());
      assertThat(batched.count()).isEqualTo(onePass.count());
    }
  }

  @Test
  void outOfRangeSeveritiesAndFutureTimesAreCountedNotFolded() {
    LogAggregator a = new LogAggregator(POLICY, null);
    a.beginEvent(1, T);
    a.logRecord("t", "s", 25, T, null);
    a.logRecord("t", "s", -1, T, null);
    a.logRecord("t", "s", 9, T + Duration.ofMinutes(5).toMillis() + Duration.ofHours(1).toMillis() + 1, null);
    a.logRecord("t", "s", 9, T - Duration.ofDays(8).toMillis(), null);
    a.logRecord("t", "s", 9, T, null);

    assertThat(a.outOfRange()).isEqualTo(3);
    assertThat(a.expired()).isEqualTo(1);
    assertThat(a.records()).isEqualTo(1);
  }
}
