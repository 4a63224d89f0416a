package com.pulse.domain.catalog;

/**
 * A catalog file is invalid: unknown key, duplicate name, bad period or cron, SQL without
 * {@code tenant_id}, malformed YAML... The message starts with {@code file:line:} so editors and CI
 * logs link to the offending line.
 *
 * <p>A dedicated type because callers (the CLI, the composition root) need the file and line as data.
 */
public final class CatalogException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;

  /**
   * @param file catalog file name or resource path
   * @param line 1-based line number, or 0 when unknown
   * @param problem what is wrong, without the location
   */
  public CatalogException(String file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  /** The catalog file name or resource path. */
  public String file() {
    return file;
  }

  /** The 1-based line of the problem, 0 when unknown. */
  public int line() {
    return line;
  }
}
