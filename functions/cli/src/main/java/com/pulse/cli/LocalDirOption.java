package com.pulse.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --dir} option of the commands that work on the local data folder ({@code demo},
 * {@code serve}; a picocli mixin), and its one default rule. Not thread-safe (picocli fills it once
 * per command line).
 */
final class LocalDirOption {
  @Option(names = "--dir", description = "Local data folder (default: the PULSE_LOCAL_DIR setting, see docs/CONFIGURATION.md).")
  private Path dir;

  /**
   * The folder: {@code --dir} when given, else the {@code PULSE_LOCAL_DIR} setting of the environment
   * (or its default).
   *
   * @throws com.pulse.config.InvalidConfigurationException if {@code --dir} is absent and the
   *     environment's settings are invalid
   */
  Path resolve() {
    return dir != null ? dir : CliSupport.config(Map.of()).localDir();
  }
}
