package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventDataBatch;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import com.azure.messaging.eventhubs.models.CreateBatchOptions;
import com.pulse.adapter.local.FileDeadLetterStore;
import com.pulse.domain.telemetry.DeadLetter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import picocli.CommandLine;

class DeadLetterCommandsTest {
  @TempDir Path dir;

  private static DeadLetter letter(String partition, long seq, String body, String contentType) {
    return new DeadLetter(DeadLetter.idOf(partition, seq), partition, Long.toString(seq * 10), seq,
        Instant.parse("2026-11-20T10:00:00Z"), "bad", contentType, Map.of("producer", "x"),
        Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)), Instant.parse("2026-11-20T10:00:05Z"));
  }

  private FileDeadLetterStore seeded() {
    FileDeadLetterStore store = new FileDeadLetterStore(dir.resolve("deadletter.jsonl"));
    store.writeAll(List.of(letter("0", 5, "{\"tenantId\":\"t\",\"service\":\"s\",\"operation\":\"o\",\"timestamp\":1,\"durationMs\":1,\"status\":\"ok\"}",
        "application/json"), letter("0", 9, "{oops", "application/json"), letter("2", 1, "<x/>", "application/xml")));
    return store;
  }

  @Test
  void listReadsTheFileStoreAcrossCommands() {
    seeded();
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new DeadLetterListCommand(() -> new FileDeadLetterStore(dir.resolve("deadletter.jsonl"))));
    cmd.setOut(new PrintWriter(out));
    assertThat(cmd.execute("--partition", "0")).isZero();
    assertThat(out.toString()).contains("0-5").contains("0-9").doesNotContain("2-1").contains("2 shown, 3 stored");
  }

  @Test
  void dryRunReportsWhatWouldDecodeAndChangesNothing() {
    seeded();
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new DeadLetterReplayCommand(
        () -> new FileDeadLetterStore(dir.resolve("deadletter.jsonl")), () -> {
          throw new AssertionError("no hub in dry run");
        }));
    cmd.setOut(new PrintWriter(out));
    assertThat(cmd.execute("--dry-run")).isZero();
    assertThat(out.toString()).contains("0-5 decodes now: 1 requests").contains("0-9 still fails").contains("1 of 3 would decode");
    assertThat(new FileDeadLetterStore(dir.resolve("deadletter.jsonl")).count()).isEqualTo(3);
  }

  @Test
  void replayRepublishesToTheOriginalPartitionAndDeletes() {
    seeded();
    EventHubProducerClient producer = mock(EventHubProducerClient.class);
    List<EventData> added = new ArrayList<>();
    List<String> partitions = new ArrayList<>();
    when(producer.createBatch(any(CreateBatchOptions.class))).thenAnswer(inv -> {
      partitions.add(inv.<CreateBatchOptions>getArgument(0).getPartitionId());
      EventDataBatch batch = mock(EventDataBatch.class);
      when(batch.tryAdd(any())).thenAnswer(a -> added.add(a.getArgument(0)));
      when(batch.getCount()).thenAnswer(a -> 1);
      return batch;
    });
    StringWriter out = new StringWriter();
    FileDeadLetterStore store = new FileDeadLetterStore(dir.resolve("deadletter.jsonl"));
    store.writeAll(List.of(letter("logs-0", 5, "x", null), letter("metrics-0", 5, "y", null)));
    CommandLine cmd = new CommandLine(new DeadLetterReplayCommand(
        () -> new FileDeadLetterStore(dir.resolve("deadletter.jsonl")), () -> new DeadLetterRepublisher(producer)));
    cmd.setOut(new PrintWriter(out));

    assertThat(cmd.execute()).isZero();
    assertThat(out.toString()).contains("left 2 dead letters of the logs and metrics hubs");

    verify(producer, times(2)).send(any(EventDataBatch.class));
    assertThat(partitions).containsExactly("0", "2");
    assertThat(added).hasSize(3);
    assertThat(added.get(1).getBodyAsString()).isEqualTo("{oops");
    assertThat(added.get(1).getContentType()).isEqualTo("application/json");
    assertThat(added.get(1).getProperties()).containsEntry("producer", "x").containsEntry("pulse-replayed-from", "0-9");
    assertThat(new FileDeadLetterStore(dir.resolve("deadletter.jsonl")).list(null, 10)).extracting(DeadLetter::id)
        .as("same partition and sequence number on three hubs: three dead letters; the other hubs' stay")
        .containsExactlyInAnyOrder("logs-0-5", "metrics-0-5");
    ArgumentCaptor<EventDataBatch> sent = ArgumentCaptor.forClass(EventDataBatch.class);
    verify(producer, times(2)).send(sent.capture());
    verify(producer).close();
  }

  @Test
  void aFailedSendKeepsOnlyTheUnsentDeadLettersAndClosesTheClient() {
    seeded();
    EventHubProducerClient producer = mock(EventHubProducerClient.class);
    when(producer.createBatch(any(CreateBatchOptions.class))).thenAnswer(inv -> {
      EventDataBatch batch = mock(EventDataBatch.class);
      int[] count = {0};
      when(batch.tryAdd(any())).thenAnswer(a -> count[0] < 1 && ++count[0] == 1); // one event per batch
      when(batch.getCount()).thenAnswer(a -> count[0]);
      return batch;
    });
    int[] sends = {0};
    org.mockito.Mockito.doAnswer(inv -> {
      if (++sends[0] == 2) {
        throw new com.azure.core.amqp.exception.AmqpException(true, "server busy", null);
      }
      return null;
    }).when(producer).send(any(EventDataBatch.class));
    CommandLine cmd = new CommandLine(new DeadLetterReplayCommand(
        () -> new FileDeadLetterStore(dir.resolve("deadletter.jsonl")), () -> new DeadLetterRepublisher(producer)));
    cmd.setErr(new PrintWriter(new StringWriter()));

    assertThat(cmd.execute()).isNotZero();

    assertThat(new FileDeadLetterStore(dir.resolve("deadletter.jsonl")).list(null, 10))
        .as("0-5 was sent in the first batch and must not be published again; 0-9 and 2-1 were not sent")
        .extracting(DeadLetter::id).containsExactly("0-9", "2-1");
    verify(producer).close();
  }

  @Test
  void parentCommandsRegisterWithNoArgConstructors() {
    seeded();
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new DeadLetterCommand());
    cmd.setOut(new PrintWriter(out));
    assertThat(cmd.execute("list", "--dead-letters", dir.resolve("deadletter.jsonl").toString(), "--format", "jsonl")).isZero();
    assertThat(out.toString().lines()).hasSize(3).allSatisfy(l -> assertThat(l).contains("\"bodyBase64\""));
    StringWriter gen = new StringWriter();
    CommandLine telemetry = new CommandLine(new TelemetryCommand());
    telemetry.setOut(new PrintWriter(gen));
    assertThat(telemetry.execute("generate", "--output", dir.resolve("cap").toString(), "--duration", "PT3M", "--partitions", "2")).isZero();
    assertThat(gen.toString()).startsWith("wrote 2 Capture files");
  }
}
