package com.pulse.adapter.cosmos;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.cosmos.CosmosClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * A real Cosmos DB API server for integration tests: {@code @vercel/cosmosdb-server} (pinned in
 * {@code .ci/package-lock.json}, installed by {@code .ci/run}) started with Node on a free loopback
 * port ({@code listen(0)}) over HTTPS.
 *
 * <p>TLS is real: a fresh EC key pair and self-signed certificate (SAN {@code IP:127.0.0.1},
 * {@code DNS:localhost}) are generated with the JDK's {@code keytool} for each run into a temporary
 * directory; Node serves it (PKCS#12), and this JVM trusts exactly that certificate through a
 * per-run trust store set as {@code javax.net.ssl.trustStore} before the first client is built. The
 * Cosmos SDK builds its Netty SSL context from the JDK default trust managers, which read that
 * property (the same mechanism Microsoft documents for trusting the emulator's certificate,
 * https://learn.microsoft.com/azure/cosmos-db/how-to-develop-emulator#import-the-emulators-tls-ssl-certificate).
 * Certificate validation is never disabled. The failsafe JVM is forked per build, so the property
 * does not outlive the run.
 *
 * <p>The server has one bug this class works around (see the shim in the start script): a point read
 * of a missing document answers 500 instead of 404. SQL queries through the Java SDK do not work
 * against it (the SDK first asks the gateway for a query plan, which the server does not implement),
 * so query paths are covered by unit tests of the query text instead.
 *
 * <p>Auth is Entra-style: a {@link TokenCredential} returning a dummy bearer token, which the server
 * accepts without checking. No keys anywhere.
 */
public final class CosmosTestServer implements AutoCloseable {
  private static final String PACKAGE = ".ci/node_modules/@vercel/cosmosdb-server";
  private static final String PASSWORD = UUID.randomUUID().toString();
  private static CosmosTestServer shared;

  private final Process process;
  private final Path directory;
  private final int port;

  private CosmosTestServer(Process process, Path directory, int port) {
    this.process = process;
    this.directory = directory;
    this.port = port;
  }

  /**
   * The server shared by all tests of this JVM, started on first use and stopped at JVM exit.
   *
   * @throws IllegalStateException with a pointer to {@code .ci/run} if Node or the package is missing
   */
  public static synchronized CosmosTestServer shared() {
    if (shared == null) {
      shared = start();
      CosmosTestServer server = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return shared;
  }

  /** Starts a new server; see {@link #shared()}. */
  public static CosmosTestServer start() {
    Path module = findPackage();
    try {
      Path directory = Files.createTempDirectory("pulse-cosmos-tls-");
      Path serverStore = directory.resolve("server.p12");
      Path trustStore = directory.resolve("truststore.p12");
      keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
          "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
          "-storetype", "PKCS12", "-keystore", serverStore.toString(), "-storepass", PASSWORD);
      writeTrustStore(serverStore, trustStore);
      System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
      System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
      System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");

      String script = String.join("\n",
          // Shim for one server bug: a point read of a MISSING document throws a TypeError in
          // lib/handler/read-document.js (data[path] on undefined) and answers 500; Cosmos DB answers
          // 404. Patched before lib/index.js loads, because lib/routes.js captures the handler then.
          "const readDocument = require(process.argv[1] + '/lib/handler/read-document');",
          "const original = readDocument.default;",
          "readDocument.default = (account, req, res, params) => {",
          "  try { return original(account, req, res, params); } catch (e) {",
          "    if (!(e instanceof TypeError)) throw e;",
          "    res.statusCode = 404;",
          "    return { code: 'NotFound', message: 'Entity with the specified id does not exist in the system.' };",
          "  }",
          "};",
          "const { createHttpsServer } = require(process.argv[1]);",
          "const fs = require('fs');",
          "const server = createHttpsServer({ cert: undefined, key: undefined,",
          "  pfx: fs.readFileSync(process.argv[2]), passphrase: process.argv[3] });",
          "server.listen(0, '127.0.0.1', () => console.log('LISTENING ' + server.address().port));",
          "process.stdin.on('end', () => process.exit(0)); process.stdin.resume();");
      Process process = new ProcessBuilder("node", "-e", script, module.toString(), serverStore.toString(), PASSWORD)
          .redirectErrorStream(true).start();
      CompletableFuture<Integer> port = new CompletableFuture<>();
      List<String> output = new ArrayList<>();
      Thread reader = new Thread(() -> readOutput(process, port, output), "cosmosdb-server-output");
      reader.setDaemon(true);
      reader.start();
      try {
        return new CosmosTestServer(process, directory, port.get(30, TimeUnit.SECONDS));
      } catch (Exception e) {
        process.destroyForcibly();
        throw new IllegalStateException("cosmosdb-server did not start: " + output, e);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot start cosmosdb-server (is Node 20 on the PATH? run .ci/run)", e);
    }
  }

  private static void readOutput(Process process, CompletableFuture<Integer> port, List<String> output) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (!port.isDone() && line.startsWith("LISTENING ")) {
          port.complete(Integer.parseInt(line.substring("LISTENING ".length()).strip()));
        } else {
          synchronized (output) {
            if (output.size() < 200) {
              output.add(line);
            }
          }
        }
      }
    } catch (IOException ignored) {
      // process ended
    }
    port.completeExceptionally(new IllegalStateException("cosmosdb-server exited: " + output));
  }

  private static Path findPackage() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(PACKAGE);
      if (Files.isRegularFile(candidate.resolve("lib/index.js"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("@vercel/cosmosdb-server is not installed under " + PACKAGE
        + "; run .ci/run (npm ci --prefix .ci) first, as CI does");
  }

  /** A PKCS#12 trust store holding only the server's certificate (no private key). */
  private static void writeTrustStore(Path serverStore, Path trustStore) throws IOException {
    try (var in = Files.newInputStream(serverStore); var out = Files.newOutputStream(trustStore)) {
      KeyStore server = KeyStore.getInstance("PKCS12");
      server.load(in, PASSWORD.toCharArray());
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("pulse-test-cosmos", server.getCertificate("server"));
      trust.store(out, PASSWORD.toCharArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the test trust store", e);
    }
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("keytool " + args[0] + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running keytool", e);
    }
  }

  /** {@code https://127.0.0.1:<port>/}. */
  public String endpoint() {
    return "https://127.0.0.1:" + port + "/";
  }

  /** A credential that hands out a dummy bearer token (the server does not validate it). */
  public static TokenCredential dummyCredential() {
    return request -> Mono.just(new AccessToken("pulse-test-token", OffsetDateTime.now().plusHours(1)));
  }

  /** A gateway-mode client with the dummy credential, built like production ({@link CosmosClients}). */
  public CosmosClient newClient() {
    return CosmosClients.create(endpoint(), dummyCredential(), CosmosClients.ConnectionMode.GATEWAY);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.list(directory)) {
      files.forEach(file -> file.toFile().delete());
      Files.deleteIfExists(directory);
    } catch (IOException ignored) {
      // temporary directory; best effort
    }
  }

}
