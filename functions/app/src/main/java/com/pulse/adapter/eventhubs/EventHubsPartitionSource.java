package com.pulse.adapter.eventhubs;

import com.azure.core.amqp.AmqpRetryMode;
import com.azure.core.amqp.AmqpRetryOptions;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.core.credential.TokenCredential;
import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubConsumerClient;
import com.azure.messaging.eventhubs.models.EventPosition;
import com.azure.messaging.eventhubs.models.PartitionEvent;
import com.pulse.app.port.DependencyException;
import com.pulse.app.telemetry.PartitionSource;
import com.pulse.app.telemetry.TelemetryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * {@link PartitionSource} on an Event Hub: re-reads a partition's events {@code [from, until)} by
 * sequence number with one {@link EventHubConsumerClient} (azure-messaging-eventhubs 5.x,
 * https://learn.microsoft.com/java/api/com.azure.messaging.eventhubs.eventhubconsumerclient), built
 * with Entra ID ({@link TokenCredential}; the identity needs <em>Azure Event Hubs Data Receiver</em>
 * on the hub or namespace).
 *
 * <p><b>Its own consumer group.</b> The Functions trigger reads the hub with epoch (exclusive)
 * receivers on its consumer group ({@code TELEMETRY_CONSUMER_GROUP}); a receiver of this class on that
 * group would be refused, or would disconnect the trigger's. It must therefore be given a consumer
 * group of its own ({@code TELEMETRY_RECOVERY_CONSUMER_GROUP}, {@code pulse-recovery} in
 * {@code bicep/modules/eventhubs.bicep}). It opens non-epoch receivers, of which Event Hubs admits at
 * most 5 per partition and consumer group at a time
 * (https://learn.microsoft.com/azure/event-hubs/event-hubs-quotas). It never checkpoints.
 *
 * <p><b>Reading.</b> Pages of at most {@code pageSize} events with
 * {@code receiveFromPartition(partition, n, EventPosition.fromSequenceNumber(next, true), wait)}, each
 * waiting at most {@value #PAGE_WAIT_SECONDS} s (less when the deadline is nearer), until the last event
 * read is {@code until - 1}. An event at or beyond {@code until} ends the read early without error (the
 * events before it were all read, or are past the hub's retention) and is left out of the result; an
 * event below the position asked for is skipped. Events missing from the start of the range because
 * the hub no longer retains them are simply absent, as the port says. The deadline is checked between pages; within a page the client retries transient faults
 * ({@link #retryOptions}: at most about 32 s), so a read ends within the deadline plus one page.
 *
 * <p><b>Errors</b> (all {@link DependencyException}, so the invocation fails and the host re-drives
 * it): a page that comes back empty before {@code until - 1} was read (status 504: the events exist, since the
 * host delivered later ones, so a short read is a timeout, not an end); the overall deadline passed
 * (504); an {@link AmqpException} or other failure of the client (status 503 if the SDK calls it
 * transient, else 0), its message naming partition, range and, for AMQP, the error condition.
 *
 * <p>Thread-safe: the consumer client is (Azure SDK for Java guidelines, "Service client ... instances
 * are thread-safe", https://azure.github.io/azure-sdk/java_introduction.html), and each call's state is
 * local. Close it on shutdown ({@link #close}: the AMQP connection).
 */
public final class EventHubsPartitionSource implements PartitionSource, AutoCloseable {
  /** Default page size, events. */
  public static final int DEFAULT_PAGE_SIZE = 1_000;
  /** Default overall deadline of one {@link #read}. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
  /** Longest wait for one page, seconds. */
  static final int PAGE_WAIT_SECONDS = 5;
  private static final Duration PAGE_WAIT = Duration.ofSeconds(PAGE_WAIT_SECONDS);

  /**
   * One page from the hub: at most {@code maxEvents} events of {@code partition} from sequence number
   * {@code from} (inclusive), waiting at most {@code maxWait}; ascending.
   */
  @FunctionalInterface
  interface Pages {
    List<TelemetryEvent> read(String partition, long from, int maxEvents, Duration maxWait);
  }

  private final Pages pages;
  private final AutoCloseable client;
  private final String hub;
  private final int pageSize;
  private final Duration deadline;
  private final LongSupplier nanoTime;

  /**
   * A reader with pages of {@value #DEFAULT_PAGE_SIZE} events and a 60 s deadline per read.
   *
   * @param fullyQualifiedNamespace e.g. {@code evhns-pulse.servicebus.windows.net}
   * @param hubName e.g. {@code telemetry}
   * @param consumerGroup a consumer group of its own, never the trigger's (e.g. {@code pulse-recovery})
   * @param credential the app's token credential
   * @throws NullPointerException if an argument is null
   */
  public EventHubsPartitionSource(String fullyQualifiedNamespace, String hubName, String consumerGroup,
      TokenCredential credential) {
    this(fullyQualifiedNamespace, hubName, consumerGroup, credential, DEFAULT_PAGE_SIZE, DEFAULT_DEADLINE);
  }

  /**
   * @param fullyQualifiedNamespace e.g. {@code evhns-pulse.servicebus.windows.net}
   * @param hubName e.g. {@code telemetry}
   * @param consumerGroup a consumer group of its own, never the trigger's (e.g. {@code pulse-recovery})
   * @param credential the app's token credential
   * @param pageSize events per page, at least 1
   * @param deadline overall time limit of one {@link #read}, positive
   * @throws IllegalArgumentException if {@code pageSize} or {@code deadline} is not positive
   * @throws NullPointerException if an argument is null
   */
  public EventHubsPartitionSource(String fullyQualifiedNamespace, String hubName, String consumerGroup,
      TokenCredential credential, int pageSize, Duration deadline) {
    this(consumer(fullyQualifiedNamespace, hubName, consumerGroup, credential, pageSize, deadline), hubName,
        pageSize, deadline);
  }

  /** For tests: pages from {@code consumer}. */
  EventHubsPartitionSource(EventHubConsumerClient consumer, String hubName, int pageSize, Duration deadline) {
    this((partition, from, maxEvents, maxWait) -> page(consumer, partition, from, maxEvents, maxWait),
        consumer::close, hubName, pageSize, deadline, System::nanoTime);
  }

  /** For tests: pages from {@code pages}, time from {@code nanoTime}. */
  EventHubsPartitionSource(Pages pages, AutoCloseable client, String hubName, int pageSize, Duration deadline,
      LongSupplier nanoTime) {
    this.pages = Objects.requireNonNull(pages, "pages");
    this.client = Objects.requireNonNull(client, "client");
    this.hub = Objects.requireNonNull(hubName, "hubName");
    checkLimits(pageSize, deadline);
    this.pageSize = pageSize;
    this.deadline = deadline;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  private static void checkLimits(int pageSize, Duration deadline) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive: " + deadline);
    }
  }

  /** The client, after checking the limits (so a bad limit leaks no client). */
  private static EventHubConsumerClient consumer(String fullyQualifiedNamespace, String hubName,
      String consumerGroup, TokenCredential credential, int pageSize, Duration deadline) {
    checkLimits(pageSize, Objects.requireNonNull(deadline, "deadline"));
    return new EventHubClientBuilder()
        .fullyQualifiedNamespace(Objects.requireNonNull(fullyQualifiedNamespace, "fullyQualifiedNamespace"))
        .eventHubName(Objects.requireNonNull(hubName, "hubName"))
        .consumerGroup(Objects.requireNonNull(consumerGroup, "consumerGroup"))
        .credential(Objects.requireNonNull(credential, "credential"))
        .retryOptions(retryOptions())
        .buildConsumerClient();
  }

  /**
   * The client's retries of transient AMQP faults (opening the link, the connection): exponential,
   * 2 retries 0.5 s and 1 s apart, 10 s per try, so one page takes at most about 32 s even when the
   * service is failing. The deadline is checked between pages, so a read ends within the deadline
   * plus one page.
   */
  static AmqpRetryOptions retryOptions() {
    return new AmqpRetryOptions()
        .setMode(AmqpRetryMode.EXPONENTIAL)
        .setMaxRetries(2)
        .setDelay(Duration.ofMillis(500))
        .setMaxDelay(Duration.ofSeconds(2))
        .setTryTimeout(Duration.ofSeconds(10));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code untilSequenceNumber <= fromSequenceNumber} or
   *     {@code fromSequenceNumber} is negative
   */
  @Override
  public List<TelemetryEvent> read(String partition, long fromSequenceNumber, long untilSequenceNumber) {
    Objects.requireNonNull(partition, "partition");
    if (fromSequenceNumber < 0 || untilSequenceNumber <= fromSequenceNumber) {
      throw new IllegalArgumentException("range [" + fromSequenceNumber + ", " + untilSequenceNumber
          + ") of partition " + partition + " is empty or negative");
    }
    String range = "partition " + partition + " of hub " + hub + ", range [" + fromSequenceNumber + ", "
        + untilSequenceNumber + ")";
    long start = nanoTime.getAsLong();
    List<TelemetryEvent> events = new ArrayList<>();
    long next = fromSequenceNumber;
    while (next < untilSequenceNumber) {
      long remainingNanos = deadline.toNanos() - (nanoTime.getAsLong() - start);
      if (remainingNanos <= 0) {
        throw new DependencyException("Event Hubs read of " + range + " passed its deadline of " + deadline
            + " at sequence number " + next, 504, null, null);
      }
      Duration wait = remainingNanos < PAGE_WAIT.toNanos() ? Duration.ofNanos(remainingNanos) : PAGE_WAIT;
      int maxEvents = (int) Math.min(pageSize, untilSequenceNumber - next);
      List<TelemetryEvent> page = page(partition, next, maxEvents, wait, range);
      if (page.isEmpty()) {
        throw new DependencyException("Event Hubs read of " + range + " got no events from sequence number "
            + next + " within " + wait.toMillis() + " ms (the hub holds later events: a timeout, not an end)",
            504, null, null);
      }
      for (TelemetryEvent event : page) {
        long n = event.sequenceNumber();
        if (n >= untilSequenceNumber) {
          return events; // beyond the range: everything before it was read or is past retention
        }
        if (n >= next) {
          events.add(event);
          next = n + 1;
        }
      }
    }
    return events;
  }

  private List<TelemetryEvent> page(String partition, long from, int maxEvents, Duration wait, String range) {
    try {
      return pages.read(partition, from, maxEvents, wait);
    } catch (AmqpException e) {
      String condition = e.getErrorCondition() == null ? "no condition" : e.getErrorCondition().getErrorCondition();
      throw new DependencyException("Event Hubs read of " + range + " from sequence number " + from + " failed ("
          + condition + (e.isTransient() ? ", transient" : "") + "): " + e.getMessage(),
          e.isTransient() ? 503 : 0, null, e);
    } catch (DependencyException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DependencyException("Event Hubs read of " + range + " from sequence number " + from
          + " failed: " + e, 0, null, e);
    }
  }

  /** One page through the client, each {@link EventData} mapped by {@link #toEvent}. */
  private static List<TelemetryEvent> page(EventHubConsumerClient consumer, String partition, long from,
      int maxEvents, Duration maxWait) {
    List<TelemetryEvent> page = new ArrayList<>();
    for (PartitionEvent received : consumer.receiveFromPartition(
        partition, maxEvents, EventPosition.fromSequenceNumber(from, true), maxWait)) {
      EventData data = received.getData();
      Map<String, Object> system = new LinkedHashMap<>(data.getSystemProperties());
      if (data.getContentType() != null) {
        system.put("content-type", data.getContentType()); // where the trigger's binding data has it
      }
      page.add(toEvent(data.getBody(), data.getSequenceNumber(), data.getOffsetString(), data.getEnqueuedTime(),
          system, data.getProperties()));
    }
    return page;
  }

  /**
   * An event read from the hub as the trigger path delivers it ({@code EventHubBindingData}): the AMQP
   * content type ({@code content-type} among {@code systemProperties}) or else a content-type
   * application property ({@link TelemetryEvent#contentTypeOf}); application properties with a
   * non-null key and value, each as {@code toString()}; the offset as a string.
   *
   * @param body event body (null: empty)
   * @param sequenceNumber {@code x-opt-sequence-number}
   * @param offset {@code x-opt-offset}, or null
   * @param enqueuedTime {@code x-opt-enqueued-time}
   * @param systemProperties AMQP annotations and message properties (may be null)
   * @param properties application properties (may be null)
   * @throws NullPointerException if {@code sequenceNumber} or {@code enqueuedTime} is null
   */
  static TelemetryEvent toEvent(byte[] body, Long sequenceNumber, Object offset, Instant enqueuedTime,
      Map<String, ?> systemProperties, Map<String, ?> properties) {
    Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    Map<String, String> app = new LinkedHashMap<>();
    if (properties != null) {
      properties.forEach((k, v) -> {
        if (k != null && v != null) {
          app.put(k, v.toString());
        }
      });
    }
    return new TelemetryEvent(body == null ? new byte[0] : body, sequenceNumber,
        offset == null ? null : offset.toString(), enqueuedTime, TelemetryEvent.contentTypeOf(systemProperties, app),
        app);
  }

  /** Closes the consumer client (its AMQP connection). */
  @Override
  public void close() {
    try {
      client.close();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("closing the Event Hubs consumer of hub " + hub + " failed", e);
    }
  }
}
