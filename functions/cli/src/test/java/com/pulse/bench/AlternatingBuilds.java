package com.pulse.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Before and after in ONE JVM: loads {@link EndToEndThroughput}'s variants from two builds (each
 * from its own class path, in its own class loader, sharing only the JDK) and rotates them slice by
 * slice of thread CPU time, so that each after/before ratio compares neighbouring slices. On a
 * shared virtual machine whose speed drifts by 2–3× within a minute (other tenants of the host),
 * runs of separate JVMs are not comparable; neighbouring slices are.
 *
 * <p>Each build and variant first warms up for 3 s of CPU; then {@code rounds} rounds run every
 * variant on both builds (which build goes first alternates), each for at least one pass and
 * {@code sliceMillis} of CPU. Prints, per variant, the median and range of requests per CPU-second of
 * each build and of the per-round after/before ratio, and, per build, the per-round ratio of the
 * first variant to the second (e.g. {@code endToEnd/decodeFold}). {@code -Dbatch=N} applies to both
 * builds (it is read by their {@code EndToEndThroughput}).
 *
 * <p>Usage: {@code java -cp <this build's test class path> com.pulse.bench.AlternatingBuilds
 * <before class path> <after class path> <FORMAT> <keys> <requests> <rounds> <sliceMillis>
 * <variant,variant...>}, where a class path is what {@code target/test.classpath} of
 * {@code functions/cli} holds, prefixed with that module's {@code target/test-classes} and
 * {@code target/classes} (see docs/PERFORMANCE.md). A variant may be written {@code before:after}
 * to run one method of the before build against another of the after build (e.g.
 * {@code endToEnd:endToEndHeld} against a build that predates the held path); it is printed as
 * written, and each build's ratio lines name its own methods. Both builds must have this package's
 * {@code EndToEndThroughput$Variants(Format, KeyedCorpus, Path, Connection)} and
 * {@code KeyedCorpus.create(Format, int, int, long)}. Not thread-safe; a benchmark main.
 */
public final class AlternatingBuilds {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AlternatingBuilds() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 8) {
      System.err.println("usage: AlternatingBuilds <before cp> <after cp> <FORMAT> <keys> <requests> <rounds> "
          + "<sliceMillis> <variant,...>");
      System.exit(2);
    }
    String format = args[2];
    int keys = Integer.parseInt(args[3]);
    int requests = Integer.parseInt(args[4]);
    int rounds = Integer.parseInt(args[5]);
    long slice = Long.parseLong(args[6]) * 1_000_000L;
    String[] variants = args[7].split(",");
    Build[] builds = {Build.load(args[0], format, keys, requests, side(variants, 0)),
        Build.load(args[1], format, keys, requests, side(variants, 1))};
    for (Build b : builds) {
      for (Method m : b.variants) {
        slice(b.target, m, 3_000_000_000L, requests);
      }
    }
    double[][][] rates = new double[2][variants.length][rounds];
    for (int k = 0; k < rounds; k++) {
      for (int i = 0; i < variants.length; i++) {
        for (int j = 0; j < 2; j++) {
          int b = (k + j) % 2;
          rates[b][i][k] = slice(builds[b].target, builds[b].variants[i], slice, requests);
        }
      }
    }
    String prefix = format + "/" + keys + "/";
    for (int i = 0; i < variants.length; i++) {
      System.out.printf(Locale.ROOT, "%s%-10s before %s  after %s  after/before %s%n", prefix, variants[i],
          summary(rates[0][i], "%,.0f"), summary(rates[1][i], "%,.0f"), summary(divide(rates[1][i], rates[0][i]), "%.2f"));
    }
    for (int i = 1; i < variants.length; i++) {
      for (int b = 0; b < 2; b++) {
        System.out.printf(Locale.ROOT, "%s %s: %s/%s %s%n", prefix, b == 0 ? "before" : "after",
            builds[b].variants[0].getName(), builds[b].variants[i].getName(), summary(divide(rates[b][0], rates[b][i]), "%.3f"));
      }
    }
  }

  /** The before ({@code side} 0) or after (1) method names of {@code before:after} pairs; a plain name is both. */
  private static String[] side(String[] pairs, int side) {
    return Arrays.stream(pairs).map(p -> p.contains(":") ? p.split(":", 2)[side] : p).toArray(String[]::new);
  }

  /** One build's variants object and the methods to run, loaded in its own class loader. */
  private record Build(Object target, Method[] variants) {
    static Build load(String classPath, String format, int keys, int requests, String[] names) throws Exception {
      List<URL> urls = new ArrayList<>();
      for (String entry : classPath.split(java.io.File.pathSeparator)) {
        if (!entry.isEmpty()) {
          urls.add(Path.of(entry).toUri().toURL());
        }
      }
      ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      Class<?> formats = loader.loadClass("com.pulse.bench.TelemetryDecodeBenchmark$Format");
      Object f = Arrays.stream(formats.getEnumConstants()).filter(e -> e.toString().equals(format)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no format " + format));
      Class<?> corpora = loader.loadClass("com.pulse.bench.KeyedCorpus");
      Method create = corpora.getDeclaredMethod("create", formats, int.class, int.class, long.class);
      create.setAccessible(true);
      // ServiceLoader look-ups (OpenTelemetry's context storage) go through the context class loader
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      Object corpus;
      try {
        corpus = create.invoke(null, f, keys, requests, 42L);
      } finally {
        thread.setContextClassLoader(previous);
      }
      Class<?> variantsClass = loader.loadClass("com.pulse.bench.EndToEndThroughput$Variants");
      Constructor<?> constructor = variantsClass.getDeclaredConstructor(formats, corpora, Path.class, java.sql.Connection.class);
      constructor.setAccessible(true);
      Method[] methods = new Method[names.length];
      for (int i = 0; i < names.length; i++) {
        methods[i] = variantsClass.getDeclaredMethod(names[i]);
        methods[i].setAccessible(true);
      }
      return new Build(constructor.newInstance(f, corpus, null, null), methods);
    }
  }

  /** Requests per CPU-second of at least one pass and {@code nanos} of this thread's CPU. */
  private static double slice(Object target, Method variant, long nanos, int requests) throws Exception {
    long start = THREADS.getCurrentThreadCpuTime();
    long passes = 0;
    long cpu;
    do {
      variant.invoke(target);
      passes++;
      cpu = THREADS.getCurrentThreadCpuTime() - start;
    } while (cpu < nanos);
    return passes * (double) requests / (cpu / 1e9);
  }

  private static double[] divide(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] / b[i];
    }
    return out;
  }

  private static String summary(double[] values, String format) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", sorted[sorted.length / 2], sorted[0],
        sorted[sorted.length - 1]);
  }
}
