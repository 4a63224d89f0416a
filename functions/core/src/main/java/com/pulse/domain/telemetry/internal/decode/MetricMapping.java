package com.pulse.domain.telemetry.internal.decode;

import com.pulse.domain.telemetry.IngestRules;
import java.util.List;

/**
 * The one rule that turns OTLP metric data points into Pulse points, fed by both metric decoders
 * (protobuf and JSON): they find the fields, this class attributes, validates and identifies.
 *
 * <ul>
 *   <li>Tenant = resource attribute {@code tenant.id} ({@link IngestRules#requireTenantId}; a resource
 *       with points and no valid tenant makes the event unattributable); service =
 *       {@code service.name}, else {@code unknown_service}.
 *   <li>Kept dimensions: only the point attributes named in the allow-list
 *       ({@code domain.telemetry.metric.MetricDimensions}); their values must pass
 *       {@link IngestRules#requireName}. Integer values are kept as decimal text.
 *   <li>Stream identity ({@link DataPoint#streamHash}): a 64-bit hash of ALL resource attributes,
 *       the scope name, the metric name, its data type and ALL point attributes (order-independent
 *       per attribute set), i.e. the OTLP data model's "timeseries" identity
 *       (https://opentelemetry.io/docs/specs/otel/metrics/data-model/#timeseries-model): cumulative
 *       points are differenced per stream, never per kept-dimension series, since several streams
 *       (instances, dropped attributes) fold into one series.
 * </ul>
 *
 * Context arrives after the points on the wire in some messages (temporality follows the points in
 * {@code Sum}; a resource may follow its scopes), so context is filled in for a range of points at
 * the end of each message. Not thread-safe.
 */
final class MetricMapping {
  private static final String[] SMALL_INTS = new String[1000];

  static {
    for (int i = 0; i < SMALL_INTS.length; i++) {
      SMALL_INTS[i] = Integer.toString(i);
    }
  }

  private final String[] keys;
  private long attributeHash;

  /** @param keys the kept dimension names (allow-list), in order */
  MetricMapping(List<String> keys) {
    this.keys = keys.toArray(String[]::new);
  }

  int dimensionCount() {
    return keys.length;
  }

  /** Starts a point's attribute set. */
  void beginAttributes() {
    attributeHash = 0;
  }

  /**
   * One point attribute: {@code valueHash} identifies the value ({@link #hashString} /
   * {@link #hashLong}...); {@code text} is its text when it is a string or integer, else null.
   */
  void pointAttribute(DataPoint p, String key, long valueHash, String text) {
    attributeHash += attributeHash(key, valueHash);
    if (text != null) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(key)) {
          p.dimensions[i] = IngestRules.requireName("attribute " + key, text);
          return;
        }
      }
    }
  }

  /** The text of an integer attribute value (cached for 0..999, e.g. HTTP status codes). */
  static String intText(long v) {
    return v >= 0 && v < SMALL_INTS.length ? SMALL_INTS[(int) v] : Long.toString(v);
  }

  /** Ends a point: its stream identity so far is the metric's and its attributes'. */
  void endPoint(DataPoint p) {
    p.streamHash = attributeHash;
  }

  /** Fills the data's type and temporality into points {@code [from, buffer.size())}. */
  static void endData(PointBuffer buffer, int from, int type, int temporality, boolean monotonic) {
    for (int i = from; i < buffer.size(); i++) {
      DataPoint p = buffer.get(i);
      if (type == DataPoint.HISTOGRAM && p.nBuckets != 0 && p.nBuckets != p.nBounds + 1) {
        throw new IllegalArgumentException("histogram data point has " + p.nBuckets + " bucket counts for "
            + p.nBounds + " explicit bounds (must be bounds + 1)");
      }
      p.type = type;
      p.temporality = type == DataPoint.SUMMARY ? DataPoint.CUMULATIVE : type == DataPoint.GAUGE ? 0 : temporality;
      p.monotonic = monotonic;
    }
  }

  /**
   * Fills the metric's name and unit into points {@code [from, size)}.
   *
   * @throws IllegalArgumentException if the metric has points and no valid name, or a sum or
   *     histogram has no aggregation temporality
   */
  static void endMetric(PointBuffer buffer, int from, String name, String unit, int resourceIndex) {
    if (buffer.size() == from) {
      return;
    }
    if (name == null || name.isEmpty() || name.length() > IngestRules.MAX_NAME_LENGTH || !IngestRules.isWellFormed(name)) {
      IngestRules.requireName("resourceMetrics[" + resourceIndex + "]: metric name", name); // throws with the reason
    }
    long nameHash = hashString(name);
    for (int i = from; i < buffer.size(); i++) {
      DataPoint p = buffer.get(i);
      if (p.type == DataPoint.SUM && p.temporality != DataPoint.DELTA && p.temporality != DataPoint.CUMULATIVE
          || p.isHistogram() && p.temporality != DataPoint.DELTA && p.temporality != DataPoint.CUMULATIVE) {
        throw new IllegalArgumentException("resourceMetrics[" + resourceIndex + "]: metric " + name + " has no aggregation temporality (DELTA or CUMULATIVE)");
      }
      p.metric = name;
      p.unit = unit == null ? "" : unit;
      p.streamHash = mix(mix(nameHash, p.type), p.streamHash);
    }
  }

  /** Folds the scope name into the stream identity of points {@code [from, size)}. */
  static void endScope(PointBuffer buffer, int from, long scopeHash) {
    for (int i = from; i < buffer.size(); i++) {
      DataPoint p = buffer.get(i);
      p.streamHash = mix(scopeHash, p.streamHash);
    }
  }

  /**
   * Attributes points {@code [from, size)} to the resource.
   *
   * @param resourceHash sum of {@link #attributeHash} over all resource attributes
   * @throws IllegalArgumentException if there are points and the tenant is missing or invalid, or the
   *     service name is invalid
   */
  static void endResource(PointBuffer buffer, int from, String tenant, String service, long resourceHash, int index) {
    if (buffer.size() == from) {
      return;
    }
    if (tenant == null) {
      throw new IllegalArgumentException("unattributable: resourceMetrics[" + index + "] has no resource attribute tenant.id");
    }
    IngestRules.requireTenantId(tenant);
    String s = service == null ? OtlpAttribute.UNKNOWN_SERVICE : IngestRules.requireName("service.name", service);
    for (int i = from; i < buffer.size(); i++) {
      DataPoint p = buffer.get(i);
      p.tenantId = tenant;
      p.service = s;
      p.streamHash = mix(resourceHash, p.streamHash);
    }
  }

  /** Order-independent contribution of one attribute to a set's hash (sum these). */
  static long attributeHash(String key, long valueHash) {
    return fmix(hashString(key) * 31 + valueHash);
  }

  /** 64-bit FNV-1a over the UTF-16 units of {@code s}, finalized. */
  static long hashString(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return fmix(h);
  }

  /** Hash of an integer attribute value. */
  static long hashLong(long v) {
    return fmix(v ^ 0x9e3779b97f4a7c15L);
  }

  /** Hash of a double attribute value. */
  static long hashDouble(double v) {
    return fmix(Double.doubleToLongBits(v) ^ 0x632be59bd9b4e019L);
  }

  /** Hash of raw bytes (array, kvlist and bytes values). */
  static long hashBytes(byte[] body, int offset, int length) {
    long h = 0x84222325cbf29ce4L;
    for (int i = offset; i < offset + length; i++) {
      h = (h ^ (body[i] & 0xff)) * 0x100000001b3L;
    }
    return fmix(h);
  }

  static long mix(long a, long b) {
    return fmix(a * 0x9e3779b97f4a7c15L + b);
  }

  /** MurmurHash3's 64-bit finalizer. */
  static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
