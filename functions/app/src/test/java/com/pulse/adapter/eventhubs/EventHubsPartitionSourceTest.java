package com.pulse.adapter.eventhubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.core.amqp.AmqpRetryMode;
import com.azure.core.amqp.AmqpRetryOptions;
import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.core.credential.TokenCredential;
import com.azure.core.util.IterableStream;
import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventHubConsumerClient;
import com.azure.messaging.eventhubs.models.EventPosition;
import com.azure.messaging.eventhubs.models.PartitionContext;
import com.azure.messaging.eventhubs.models.PartitionEvent;
import com.pulse.app.port.DependencyException;
import com.pulse.app.telemetry.TelemetryEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class EventHubsPartitionSourceTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  /** One page request as the adapter made it. */
  private record Request(String partition, long from, int maxEvents, Duration maxWait) {}

  private final List<Request> requests = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();

  private static TelemetryEvent event(long sequenceNumber) {
    return new TelemetryEvent(("e" + sequenceNumber).getBytes(StandardCharsets.UTF_8), sequenceNumber,
        Long.toString(sequenceNumber * 100), T0.plusSeconds(sequenceNumber), "application/json", Map.of());
  }

  /** A hub partition holding events {@code [first, last]}, answering each page as the service does. */
  private EventHubsPartitionSource hub(long first, long last, int pageSize) {
    return new EventHubsPartitionSource((partition, from, maxEvents, maxWait) -> {
      requests.add(new Request(partition, from, maxEvents, maxWait));
      long start = Math.max(from, first);
      return LongStream.rangeClosed(start, Math.min(last, start + maxEvents - 1))
          .mapToObj(EventHubsPartitionSourceTest::event).toList();
    }, () -> { }, "telemetry", pageSize, Duration.ofSeconds(60), nanos::get);
  }

  private static List<Long> sequenceNumbers(List<TelemetryEvent> events) {
    return events.stream().map(TelemetryEvent::sequenceNumber).toList();
  }

  @Test
  void readsTheRangeInPagesFromTheSequenceNumberAfterTheLastRead() {
    List<TelemetryEvent> events = hub(0, 1_000, 4).read("3", 10, 20);

    assertThat(sequenceNumbers(events)).containsExactlyElementsOf(LongStream.range(10, 20).boxed().toList());
    assertThat(requests).extracting(Request::from).containsExactly(10L, 14L, 18L);
    assertThat(requests).extracting(Request::maxEvents).containsExactly(4, 4, 2);
    assertThat(requests).extracting(Request::partition).containsOnly("3");
    assertThat(requests).extracting(Request::maxWait).containsOnly(Duration.ofSeconds(5));
  }

  @Test
  void eventsPastRetentionAreMissingFromTheStartAndAnEventBeyondTheRangeEndsTheRead() {
    // the hub retains 15.. only: from 10 it answers 15, 16, ...; 20 is beyond [10, 20)
    EventHubsPartitionSource source = new EventHubsPartitionSource((partition, from, maxEvents, maxWait) -> {
      requests.add(new Request(partition, from, maxEvents, maxWait));
      return LongStream.range(Math.max(from, 15), Math.max(from, 15) + 10).mapToObj(EventHubsPartitionSourceTest::event)
          .toList();
    }, () -> { }, "telemetry", 1_000, Duration.ofSeconds(60), nanos::get);

    assertThat(sequenceNumbers(source.read("0", 10, 20))).containsExactly(15L, 16L, 17L, 18L, 19L);
    assertThat(requests).hasSize(1);
  }

  @Test
  void nothingRetainedInTheRangeIsAnEmptyResult() {
    assertThat(hub(50, 60, 1_000).read("0", 10, 20)).isEmpty();
  }

  @Test
  void anEmptyPageBeforeTheRangeEndIsATimeout() {
    assertThatThrownBy(() -> hub(0, 14, 1_000).read("2", 10, 20))
        .isInstanceOfSatisfying(DependencyException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(504);
          assertThat(e).hasMessageContaining("partition 2").hasMessageContaining("[10, 20)")
              .hasMessageContaining("sequence number 15");
        });
  }

  @Test
  void theOverallDeadlineEndsTheReadAndShortensTheLastWait() {
    EventHubsPartitionSource source = new EventHubsPartitionSource((partition, from, maxEvents, maxWait) -> {
      requests.add(new Request(partition, from, maxEvents, maxWait));
      nanos.addAndGet(Duration.ofSeconds(4).toNanos()); // each page takes 4 s and brings one event
      return List.of(event(from));
    }, () -> { }, "telemetry", 1_000, Duration.ofSeconds(10), nanos::get);

    assertThatThrownBy(() -> source.read("1", 0, 100))
        .isInstanceOfSatisfying(DependencyException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(504);
          assertThat(e).hasMessageContaining("deadline").hasMessageContaining("partition 1");
        });
    assertThat(requests).extracting(Request::maxWait)
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2));
  }

  @Test
  void amqpAndClientFailuresAreDependencyFailures() {
    AmqpException busy = new AmqpException(true, AmqpErrorCondition.SERVER_BUSY_ERROR, "server busy", null);
    EventHubsPartitionSource transientFault = new EventHubsPartitionSource((p, f, m, w) -> {
      throw busy;
    }, () -> { }, "telemetry", 1_000, Duration.ofSeconds(60), nanos::get);
    AmqpException denied = new AmqpException(false, AmqpErrorCondition.UNAUTHORIZED_ACCESS, "denied", null);
    EventHubsPartitionSource refused = new EventHubsPartitionSource((p, f, m, w) -> {
      throw denied;
    }, () -> { }, "telemetry", 1_000, Duration.ofSeconds(60), nanos::get);
    IllegalStateException closed = new IllegalStateException("connection closed");
    EventHubsPartitionSource broken = new EventHubsPartitionSource((p, f, m, w) -> {
      throw closed;
    }, () -> { }, "telemetry", 1_000, Duration.ofSeconds(60), nanos::get);

    assertThatThrownBy(() -> transientFault.read("4", 1, 2))
        .isInstanceOfSatisfying(DependencyException.class, e -> assertThat(e.statusCode()).isEqualTo(503))
        .hasMessageContaining("partition 4").hasMessageContaining("com.microsoft:server-busy").hasCause(busy);
    assertThatThrownBy(() -> refused.read("4", 1, 2))
        .isInstanceOfSatisfying(DependencyException.class, e -> assertThat(e.statusCode()).isEqualTo(0))
        .hasMessageContaining("amqp:unauthorized-access").hasCause(denied);
    assertThatThrownBy(() -> broken.read("4", 1, 2))
        .isInstanceOf(DependencyException.class).hasMessageContaining("connection closed").hasCause(closed);
  }

  @Test
  void refusesAnEmptyRange() {
    assertThatThrownBy(() -> hub(0, 10, 5).read("0", 5, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThat(requests).isEmpty();
  }

  @Test
  void readsThroughTheConsumerClientFromTheInclusiveSequenceNumber() {
    EventHubConsumerClient consumer = mock(EventHubConsumerClient.class);
    EventData data = mock(EventData.class);
    when(data.getBody()).thenReturn("{}".getBytes(StandardCharsets.UTF_8));
    when(data.getSequenceNumber()).thenReturn(7L);
    when(data.getOffsetString()).thenReturn("4096");
    when(data.getEnqueuedTime()).thenReturn(T0);
    when(data.getContentType()).thenReturn("application/x-protobuf");
    when(data.getSystemProperties()).thenReturn(Map.of("x-opt-sequence-number", 7L));
    when(data.getProperties()).thenReturn(Map.of("tenant", "acme"));
    when(consumer.receiveFromPartition(eq("5"), anyInt(), any(EventPosition.class), any(Duration.class)))
        .thenReturn(new IterableStream<>(List.of(new PartitionEvent(new PartitionContext("ns.servicebus.windows.net", "telemetry", "pulse-recovery", "5"), data, null))));
    EventHubsPartitionSource source = new EventHubsPartitionSource(consumer, "telemetry", 1_000, Duration.ofSeconds(60));

    List<TelemetryEvent> events = source.read("5", 7, 8);

    verify(consumer).receiveFromPartition("5", 1, EventPosition.fromSequenceNumber(7, true), Duration.ofSeconds(5));
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.sequenceNumber()).isEqualTo(7L);
      assertThat(e.offset()).isEqualTo("4096");
      assertThat(e.enqueuedTime()).isEqualTo(T0);
      assertThat(e.contentType()).isEqualTo("application/x-protobuf");
      assertThat(e.properties()).containsExactly(Map.entry("tenant", "acme"));
      assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    });
    source.close();
    verify(consumer).close();
  }

  @Test
  void buildsItsClientWithoutConnectingAndChecksItsLimitsFirst() {
    TokenCredential credential = request -> Mono.empty();
    new EventHubsPartitionSource("evhns-test.servicebus.windows.net", "telemetry", "pulse-recovery", credential).close();

    assertThatThrownBy(() -> new EventHubsPartitionSource("evhns-test.servicebus.windows.net", "telemetry",
        "pulse-recovery", credential, 0, Duration.ofSeconds(60))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventHubsPartitionSource("evhns-test.servicebus.windows.net", "telemetry",
        "pulse-recovery", credential, 10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oneFailingPageStaysWithinAboutHalfAMinuteOfRetries() {
    AmqpRetryOptions retry = EventHubsPartitionSource.retryOptions();
    Duration worst = retry.getTryTimeout().multipliedBy(retry.getMaxRetries() + 1L)
        .plus(retry.getMaxDelay().multipliedBy(retry.getMaxRetries()));

    assertThat(retry.getMode()).isEqualTo(AmqpRetryMode.EXPONENTIAL);
    assertThat(worst).isLessThanOrEqualTo(Duration.ofSeconds(35));
  }

  @Test
  void toEventTakesTheAmqpContentTypeFirst() {
    TelemetryEvent event = EventHubsPartitionSource.toEvent(new byte[] {1}, 42L, "8192", T0,
        Map.of("content-type", "application/x-protobuf"), Map.of("content-type", "application/json"));

    assertThat(event.contentType()).isEqualTo("application/x-protobuf");
    assertThat(event.sequenceNumber()).isEqualTo(42L);
    assertThat(event.offset()).isEqualTo("8192");
    assertThat(event.enqueuedTime()).isEqualTo(T0);
    assertThat(event.body()).containsExactly(1);
  }

  @Test
  void toEventFallsBackToAContentTypeApplicationPropertyAndStringifiesProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("Content-Type", "application/json");
    properties.put("attempt", 3);
    properties.put("ratio", 0.5);
    properties.put("flag", true);
    properties.put("empty", null);

    TelemetryEvent event = EventHubsPartitionSource.toEvent(null, 1L, 12345L, T0, Map.of(), properties);

    assertThat(event.contentType()).isEqualTo("application/json");
    assertThat(event.properties()).containsOnly(Map.entry("Content-Type", "application/json"),
        Map.entry("attempt", "3"), Map.entry("ratio", "0.5"), Map.entry("flag", "true"));
    assertThat(event.offset()).isEqualTo("12345");
    assertThat(event.body()).isEmpty();
  }

  @Test
  void toEventWithoutAnyContentTypeOrPropertiesHasNone() {
    TelemetryEvent event = EventHubsPartitionSource.toEvent(new byte[0], 0L, null, T0, null, null);

    assertThat(event.contentType()).isNull();
    assertThat(event.properties()).isEmpty();
    assertThat(event.offset()).isNull();
  }
}
