package com.pulse.adapter.capture;

import com.pulse.app.telemetry.TelemetryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Reads and writes Event Hubs Capture Avro files (Apache Avro object container files with the
 * Capture schema {@code Microsoft.ServiceBus.Messaging.EventData}, see
 * https://learn.microsoft.com/azure/event-hubs/explore-captured-avro-files). Stateless; thread-safe.
 */
public final class CaptureAvro {
  /** The Event Hubs Capture record schema. */
  public static final Schema SCHEMA = new Schema.Parser().parse("""
      {"type":"record","name":"EventData","namespace":"Microsoft.ServiceBus.Messaging","fields":[
        {"name":"SequenceNumber","type":"long"},
        {"name":"Offset","type":"string"},
        {"name":"EnqueuedTimeUtc","type":"string"},
        {"name":"SystemProperties","type":{"type":"map","values":["long","double","string","bytes"]}},
        {"name":"Properties","type":{"type":"map","values":["long","double","string","bytes","null"]}},
        {"name":"Body","type":["null","bytes"]}]}
      """);

  private CaptureAvro() {}

  /**
   * Reads every record of a Capture file.
   *
   * @param partition partition id to attach (from the path or a flag)
   * @throws UncheckedIOException if the file cannot be read or is not Avro
   * @throws IllegalArgumentException if a record lacks a valid field
   */
  public static List<CapturedEvent> read(Path file, String partition) {
    List<CapturedEvent> out = new ArrayList<>();
    forEach(file, partition, out::add);
    return out;
  }

  /**
   * Streams the records of a Capture file, in file order, to {@code sink}: one Avro block (Capture
   * writes blocks of at most a few MB) and one record in memory at a time, whatever the file size.
   *
   * @param partition partition id to attach (from the path or a flag)
   * @throws UncheckedIOException if the file cannot be read or is not Avro
   * @throws IllegalArgumentException if a record lacks a valid field
   */
  public static void forEach(Path file, String partition, Consumer<CapturedEvent> sink) {
    try (DataFileReader<CapturedEvent> reader = new DataFileReader<>(file.toFile(), new EventReader(partition))) {
      CapturedEvent event = null;
      while (reader.hasNext()) {
        event = reader.next(event);
        sink.accept(event);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Capture Avro file " + file, e);
    }
  }

  /** Parsing Canonical Form of {@link #SCHEMA}: a file written with it is read by {@link EventReader}'s own path. */
  private static final String CANONICAL = SchemaNormalization.toParsingForm(SCHEMA);

  /**
   * Reads Capture records straight into {@link CapturedEvent}s: Avro's {@code DataFileReader} still
   * reads the container (header, blocks, codec, sync markers), and this {@link DatumReader} reads each
   * record's fields from the {@link Decoder} in the order of the Avro binary encoding
   * (https://avro.apache.org/docs/1.12.0/specification/#binary-encoding), without the generic
   * record's maps, {@code Utf8} values and body copy. Of the system properties only
   * {@code content-type} is kept, which is all {@link TelemetryEvent#contentTypeOf} reads. A file
   * whose writer schema has another Parsing Canonical Form than {@link #SCHEMA} is read with
   * Avro's {@code GenericDatumReader} (schema resolution) and converted as before. The same event
   * results either way ({@code CaptureAvroTest}). Not thread-safe; one per file.
   */
  private static final class EventReader implements DatumReader<CapturedEvent> {
    private static final byte[] CONTENT_TYPE = "content-type".getBytes(StandardCharsets.US_ASCII);
    private final String partition;
    private final Strings strings = new Strings();
    private final Utf8 scratch = new Utf8();
    private GenericDatumReader<GenericRecord> generic;
    private GenericRecord record;

    EventReader(String partition) {
      this.partition = partition;
    }

    @Override
    public void setSchema(Schema writer) {
      generic = CANONICAL.equals(SchemaNormalization.toParsingForm(writer)) ? null : new GenericDatumReader<>(writer, SCHEMA);
    }

    @Override
    public CapturedEvent read(CapturedEvent reuse, Decoder in) throws IOException {
      if (generic != null) {
        record = generic.read(record, in);
        return toEvent(record, partition, strings);
      }
      long sequenceNumber = in.readLong();
      String offset = in.readString();
      java.time.Instant enqueued = strings.enqueued(in.readString(scratch));
      String contentType = null;
      for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
        for (long i = 0; i < n; i++) {
          boolean isContentType = isContentType(in.readString(scratch));
          Object value = readValue(in, in.readIndex(), isContentType);
          if (isContentType && value != null) {
            contentType = value instanceof ByteBuffer b ? utf8(b) : value.toString();
          }
        }
      }
      Map<String, String> properties = Map.of();
      for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
        for (long i = 0; i < n; i++) {
          String key = strings.of(in.readString(scratch));
          Object value = readValue(in, in.readIndex(), true);
          if (value != null) {
            if (properties.isEmpty()) {
              properties = new LinkedHashMap<>();
            }
            properties.put(key, value instanceof ByteBuffer b ? base64(b) : value.toString());
          }
        }
      }
      byte[] body;
      int bodyBranch = in.readIndex();
      if (bodyBranch == 0) {
        body = new byte[0];
      } else if (bodyBranch == 1) {
        long length = in.readLong();
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
          throw new IOException("Capture record " + sequenceNumber + ": invalid Body length " + length);
        }
        body = new byte[(int) length];
        in.readFixed(body, 0, body.length);
      } else {
        throw new IOException("Capture record " + sequenceNumber + ": Body union branch " + bodyBranch);
      }
      Map<String, ?> system = contentType == null ? null : Map.of("content-type", contentType);
      return new CapturedEvent(partition, new TelemetryEvent(body, sequenceNumber, offset, enqueued,
          TelemetryEvent.contentTypeOf(system, properties), properties));
    }

    /** True if {@code key} is {@code content-type}, compared as bytes (the other keys are not kept). */
    private static boolean isContentType(Utf8 key) {
      int n = key.getByteLength();
      return n == CONTENT_TYPE.length && Arrays.equals(key.getBytes(), 0, n, CONTENT_TYPE, 0, n);
    }

    /**
     * One value of a property map's union ({@code long, double, string, bytes} and, for
     * {@code Properties}, {@code null} last): strings through the cache when {@code keep}, other
     * values read or skipped.
     */
    private Object readValue(Decoder in, int branch, boolean keep) throws IOException {
      return switch (branch) {
        case 0 -> in.readLong();
        case 1 -> in.readDouble();
        case 2 -> {
          if (keep) {
            yield strings.of(in.readString(scratch));
          }
          in.skipString();
          yield null;
        }
        case 3 -> {
          if (keep) {
            yield in.readBytes(null);
          }
          in.skipBytes();
          yield null;
        }
        case 4 -> {
          in.readNull();
          yield null;
        }
        default -> throw new IOException("property value union branch " + branch);
      };
    }
  }

  private static String utf8(ByteBuffer b) {
    return java.nio.charset.StandardCharsets.UTF_8.decode(b.duplicate()).toString();
  }

  private static String base64(ByteBuffer b) {
    byte[] bytes = new byte[b.remaining()];
    b.duplicate().get(bytes);
    return java.util.Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * What consecutive records of one file repeat, converted once: property names and values (Avro
   * {@code Utf8}, at most {@value #MAX_CACHED} distinct, each at most 256 bytes) and the enqueued
   * time (whole seconds in Capture, so hundreds of events share one; compared with the previous
   * record's bytes, so no string is made until it changes). Not thread-safe.
   */
  private static final class Strings {
    private final Map<Object, String> text = new java.util.HashMap<>();
    private byte[] lastTime;
    private java.time.Instant lastInstant;

    String of(Object value) {
      if (!(value instanceof org.apache.avro.util.Utf8 utf8) || utf8.getByteLength() > 256) {
        return value.toString();
      }
      String known = text.get(utf8);
      if (known == null) {
        known = utf8.toString();
        if (text.size() < MAX_CACHED) {
          text.put(new org.apache.avro.util.Utf8(utf8), known); // the reader reuses its Utf8 objects
        }
      }
      return known;
    }

    /** The enqueued time, parsed only when its bytes differ from the previous record's. */
    java.time.Instant enqueued(Object value) {
      byte[] bytes;
      int n;
      if (value instanceof Utf8 utf8) {
        bytes = utf8.getBytes();
        n = utf8.getByteLength();
      } else {
        bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        n = bytes.length;
      }
      if (lastTime == null || !Arrays.equals(bytes, 0, n, lastTime, 0, lastTime.length)) {
        lastInstant = CaptureFormat.parseEnqueuedTime(new String(bytes, 0, n, StandardCharsets.UTF_8));
        lastTime = Arrays.copyOf(bytes, n);
      }
      return lastInstant;
    }
  }

  private static final int MAX_CACHED = 4_096;

  /**
   * The sequence number of the first record of a Capture file, or {@link Long#MAX_VALUE} if it has none.
   *
   * @throws UncheckedIOException if the file cannot be read or is not Avro
   */
  public static long firstSequenceNumber(Path file) {
    try (DataFileReader<CapturedEvent> reader = new DataFileReader<>(file.toFile(), new EventReader("0"))) {
      return reader.hasNext() ? reader.next().event().sequenceNumber() : Long.MAX_VALUE;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Capture Avro file " + file, e);
    }
  }

  private static CapturedEvent toEvent(GenericRecord r, String partition, Strings strings) {
    Map<String, Object> system = plain((Map<?, ?>) r.get("SystemProperties"), strings);
    Map<String, String> properties = strings((Map<?, ?>) r.get("Properties"), strings);
    ByteBuffer body = (ByteBuffer) r.get("Body");
    byte[] bytes = new byte[body == null ? 0 : body.remaining()];
    if (body != null) {
      body.duplicate().get(bytes);
    }
    return new CapturedEvent(partition, new TelemetryEvent(
        bytes,
        (Long) r.get("SequenceNumber"),
        r.get("Offset").toString(),
        strings.enqueued(r.get("EnqueuedTimeUtc")),
        TelemetryEvent.contentTypeOf(system, properties),
        properties));
  }

  /**
   * Writes events as one Capture file (deflate codec, as Capture does), creating parent directories.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Path file, List<TelemetryEvent> events) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(SCHEMA))) {
        writer.setCodec(CodecFactory.deflateCodec(6));
        writer.create(SCHEMA, file.toFile());
        for (TelemetryEvent e : events) {
          GenericRecord r = new GenericData.Record(SCHEMA);
          r.put("SequenceNumber", e.sequenceNumber());
          r.put("Offset", e.offset() == null ? "" : e.offset());
          r.put("EnqueuedTimeUtc", CaptureFormat.CAPTURE_TIME.format(e.enqueuedTime().atOffset(java.time.ZoneOffset.UTC)));
          r.put("SystemProperties", CaptureFormat.systemProperties(e));
          r.put("Properties", new LinkedHashMap<String, Object>(e.properties()));
          r.put("Body", ByteBuffer.wrap(e.body()));
          writer.append(r);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Capture Avro file " + file, e);
    }
  }

  private static Map<String, Object> plain(Map<?, ?> map, Strings strings) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (map != null) {
      map.forEach((k, v) -> out.put(strings.of(k),
          v instanceof CharSequence cs ? strings.of(cs) : v instanceof ByteBuffer b ? utf8(b) : v));
    }
    return out;
  }

  private static Map<String, String> strings(Map<?, ?> map, Strings strings) {
    Map<String, String> out = new LinkedHashMap<>();
    if (map != null) {
      map.forEach((k, v) -> {
        if (v instanceof ByteBuffer b) {
          out.put(strings.of(k), base64(b));
        } else if (v != null) {
          out.put(strings.of(k), strings.of(v));
        }
      });
    }
    return out;
  }
}
