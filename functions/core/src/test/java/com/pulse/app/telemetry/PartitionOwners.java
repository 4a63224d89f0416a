package com.pulse.app.telemetry;

import com.pulse.app.port.DependencyException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The redelivery driver the exactly-once proofs share ({@link ExactlyOnceProofTest},
 * {@link LogExactlyOnceProofTest}, {@link MetricExactlyOnceProofTest}): two owners of one partition
 * consume it at once through one store, each from its own checkpoint in random batches, with host
 * crashes between document writes, transient read failures, lazy checkpoints, restarts from older
 * checkpoints and jumps ahead to the checkpoint the other owner last wrote (the partition coming back
 * after a rebalance, resuming from the shared checkpoint store: the events in between were consumed
 * by the other owner only). Each proof wraps its store so that every call first runs the calling owner's
 * {@link StoreFault} ({@code fault}). Stateless; the owners run on the given executor.
 */
final class PartitionOwners {

  /** A hook run before each store call of the calling owner. */
  @FunctionalInterface
  interface StoreFault {
    /**
     * @param write true before a create or replace, false before a read
     * @param id the document id, or null where the store does not name it
     */
    void before(boolean write, String id);
  }

  /**
   * How hard an owner is hit: batches of 1 to {@code maxBatch} events; {@code crashPercent} of them
   * crash before one of their first {@code crashWrites} writes; 5% fail their reads.
   */
  record Chaos(int maxBatch, int crashPercent, int crashWrites) {}

  /** Thrown by the fault hook: the host process dies in the middle of a batch. */
  static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash() {
      super("simulated host crash", null, false, false);
    }
  }

  /** The two owners' threads, shared by every proof (daemon threads: they never keep a test JVM alive). */
  private static final ExecutorService OWNERS = Executors.newFixedThreadPool(2, task -> {
    Thread thread = new Thread(task, "partition-owner");
    thread.setDaemon(true);
    return thread;
  });

  private PartitionOwners() {}

  /**
   * Runs two owners (seeds {@code seed * 31} and {@code seed * 31 + 1}) to the end of {@code events}.
   *
   * @param handle runs one batch through the use case (and counts its result); throws what it throws
   * @param fault the per-owner hook the store runs
   * @return the number of injected failures (crashes and transient reads) of both owners
   * @throws Exception if an owner failed otherwise
   */
  static int runTwo(long seed, List<TelemetryEvent> events, Consumer<TelemetryBatch> handle,
      ThreadLocal<StoreFault> fault, Chaos chaos) throws Exception {
    List<Future<Integer>> runs = new ArrayList<>();
    AtomicInteger shared = new AtomicInteger();
    for (int owner = 0; owner < 2; owner++) {
      long ownerSeed = seed * 31 + owner;
      runs.add(OWNERS.submit(() -> consume(events, handle, fault, new SplittableRandom(ownerSeed), chaos, shared)));
    }
    int failures = 0;
    for (Future<Integer> run : runs) {
      failures += run.get();
    }
    return failures;
  }

  /**
   * One owner: consumes the partition from its checkpoint in random batches; on a failure restarts
   * from its checkpoint; sometimes restarts from an older checkpoint (a lost checkpoint write) or
   * from a newer one the other owner wrote to {@code shared} (last writer wins), and only checkpoints
   * every few batches. Returns the number of injected failures.
   */
  private static int consume(List<TelemetryEvent> events, Consumer<TelemetryBatch> handle,
      ThreadLocal<StoreFault> fault, SplittableRandom r, Chaos chaos, AtomicInteger shared) {
    int checkpoint = 0;
    int position = 0;
    int failures = 0;
    while (position < events.size()) {
      int end = Math.min(events.size(), position + 1 + r.nextInt(chaos.maxBatch()));
      int writesBeforeCrash = r.nextInt(100) < chaos.crashPercent() ? r.nextInt(chaos.crashWrites()) : -1;
      boolean transientRead = r.nextInt(100) < 5;
      int[] writes = {0};
      fault.set((write, id) -> {
        if (r.nextInt(4) == 0) {
          Thread.yield();
        }
        if (!write && transientRead) {
          throw new DependencyException("injected 503 on read of " + id, 503, null, null);
        }
        if (write && writes[0]++ == writesBeforeCrash) {
          throw new SimulatedCrash();
        }
      });
      try {
        handle.accept(new TelemetryBatch("3", events.subList(position, end)));
        position = end;
        if (r.nextInt(3) > 0) {
          checkpoint = position;
          shared.set(checkpoint);
        }
      } catch (SimulatedCrash | DependencyException failed) {
        failures++;
        position = checkpoint;
      } finally {
        fault.remove();
      }
      int rebalance = r.nextInt(100);
      if (rebalance < 5) {
        position = r.nextInt(checkpoint + 1); // redelivery from an older checkpoint
      } else if (rebalance < 10 && shared.get() > position) {
        checkpoint = shared.get(); // back after a rebalance: resume from the other owner's checkpoint
        position = checkpoint;
      }
    }
    return failures;
  }
}
