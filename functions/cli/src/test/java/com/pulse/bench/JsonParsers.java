package com.pulse.bench;

import com.alibaba.fastjson2.JSONReader;
import com.dslplatform.json.DslJson;
import com.dslplatform.json.JsonReader;
import com.dslplatform.json.NumberConverter;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.pulse.app.telemetry.TelemetryEvent;
import com.pulse.domain.telemetry.RequestSink;
import com.pulse.domain.telemetry.TelemetryDecoder;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pulse's JSON decoder beside three JSON libraries' streaming readers, over the same Pulse JSON events
 * ({@link KeyedCorpus}, one event of about 175 bytes per body), in one JVM: nanoseconds of the
 * measuring thread's CPU per event.
 *
 * <ul>
 *   <li>{@code pulseDecode}: {@link TelemetryDecoders} for {@code application/json} into
 *       {@link RequestSink#DISCARD}: what the function's decode costs, validation included;
 *   <li>{@code jacksonWalk}: Jackson's token walk, no value read (the "bare token walk");
 *   <li>{@code jacksonValues}, {@code fastjson2Values}, {@code dslJsonValues}: each library's
 *       streaming reader reading every field name and value (strings made, numbers parsed), which is
 *       the least a decoder on it does.
 * </ul>
 *
 * <p>Used to decide whether Pulse JSON decoding should leave Jackson (docs/PERFORMANCE.md, "Which
 * compiler the function runs with"). Run it under the JDK's defaults and under the Java worker's
 * options ({@code -XX:TieredStopAtLevel=1}), which are what the function runs with:
 *
 * <pre>{@code
 * java -cp "$CP" com.pulse.bench.JsonParsers [requests] [measureCpuMillis] [rounds]
 * }</pre>
 *
 * Not thread-safe (a main class).
 */
public final class JsonParsers {
  private static final JsonFactory JACKSON = new JsonFactory();
  private static final DslJson<Object> DSL = new DslJson<>();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static long sink;

  private JsonParsers() {}

  /** One pass over every body; returns a value that depends on what was read. */
  @FunctionalInterface
  private interface Pass {
    long run(byte[][] bodies) throws Exception;
  }

  /**
   * Runs the benchmark and prints one line per round.
   *
   * @param args {@code [requests] [measureCpuMillis] [rounds]}, default 300,000, 2,000 and 5
   * @throws Exception from a reader on malformed input (the corpus is well formed)
   */
  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
    long measureNanos = (args.length > 1 ? Long.parseLong(args[1]) : 2_000) * 1_000_000L;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<TelemetryEvent> events = KeyedCorpus.create(TelemetryDecodeBenchmark.Format.PULSE_JSON, 1_000, requests, 42).events;
    byte[][] bodies = events.stream().map(TelemetryEvent::body).toArray(byte[][]::new);
    TelemetryDecoder decoder = new TelemetryDecoders().forContentType("application/json");
    Map<String, Pass> passes = new LinkedHashMap<>();
    passes.put("pulseDecode", b -> {
      long n = 0;
      for (byte[] body : b) {
        n += decoder.decode(body, RequestSink.DISCARD);
      }
      return n;
    });
    passes.put("jacksonWalk", JsonParsers::jacksonWalk);
    passes.put("jacksonValues", JsonParsers::jacksonValues);
    passes.put("fastjson2Values", JsonParsers::fastjson2Values);
    passes.put("dslJsonValues", JsonParsers::dslJsonValues);
    System.out.printf(Locale.ROOT, "%,d events, %.0f bytes per body on average; ns of CPU per event%n", bodies.length,
        events.stream().mapToInt(e -> e.body().length).average().orElse(0));
    for (int round = 0; round < rounds; round++) {
      StringBuilder line = new StringBuilder("round " + round);
      for (Map.Entry<String, Pass> pass : passes.entrySet()) {
        long start = THREADS.getCurrentThreadCpuTime();
        long passesRun = 0;
        do {
          sink += pass.getValue().run(bodies);
          passesRun++;
        } while (THREADS.getCurrentThreadCpuTime() - start < measureNanos);
        double ns = (THREADS.getCurrentThreadCpuTime() - start) / (double) (passesRun * bodies.length);
        line.append(String.format(Locale.ROOT, "  %s %.0f", pass.getKey(), ns));
      }
      System.out.println(line);
    }
    System.out.println(sink == 42 ? "" : "(done)");
  }

  private static long jacksonWalk(byte[][] bodies) throws Exception {
    long n = 0;
    for (byte[] body : bodies) {
      try (JsonParser p = JACKSON.createParser(body)) {
        while (p.nextToken() != null) {
          n += p.currentTokenId();
        }
      }
    }
    return n;
  }

  private static long jacksonValues(byte[][] bodies) throws Exception {
    long n = 0;
    for (byte[] body : bodies) {
      try (JsonParser p = JACKSON.createParser(body)) {
        p.nextToken();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          n += p.currentName().length();
          JsonToken v = p.nextToken();
          if (v == JsonToken.VALUE_STRING) {
            n += p.getText().length();
          } else if (v.isNumeric()) {
            n += (long) p.getDoubleValue();
          } else {
            p.skipChildren();
          }
        }
      }
    }
    return n;
  }

  private static long fastjson2Values(byte[][] bodies) {
    long n = 0;
    for (byte[] body : bodies) {
      try (JSONReader r = JSONReader.of(body)) {
        r.nextIfObjectStart();
        while (!r.nextIfObjectEnd()) {
          n += r.readFieldName().length();
          if (r.isString()) {
            n += r.readString().length();
          } else if (r.isNumber()) {
            n += (long) r.readDoubleValue();
          } else {
            r.skipValue();
          }
        }
      }
    }
    return n;
  }

  private static long dslJsonValues(byte[][] bodies) throws Exception {
    long n = 0;
    JsonReader<Object> r = DSL.newReader();
    for (byte[] body : bodies) {
      r.process(body, body.length);
      r.startObject();
      if (r.getNextToken() == '}') {
        continue;
      }
      while (true) {
        n += r.readKey().length();
        byte t = r.last();
        if (t == '"') {
          n += r.readString().length();
        } else if (t == '-' || (t >= '0' && t <= '9')) {
          n += (long) NumberConverter.deserializeDouble(r);
        } else {
          r.skip();
        }
        byte next = r.getNextToken();
        if (next == '}') {
          break;
        }
        if (next != ',') {
          throw new IllegalStateException("expected , or } after a value");
        }
        r.getNextToken();
      }
    }
    return n;
  }
}
