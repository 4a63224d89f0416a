package com.pulse.app.port;

/**
 * A conditional write lost to another writer (optimistic concurrency): the document already exists
 * (HTTP 409 on create), its ETag changed since it was read (HTTP 412 on a replace with
 * {@code If-Match}), or it was deleted since it was read (HTTP 404 on that replace). Nothing was
 * written; the remedy is to re-read the document and merge again. Not a failure of the dependency,
 * so not a {@link DependencyException}: retrying the same write cannot succeed.
 *
 * <p>Thrown by {@link WindowStore#create} and {@link WindowStore#replace}.
 */
public final class WriteConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int statusCode;

  /**
   * @param message which document of which tenant, and what happened
   * @param statusCode the HTTP-like status of the conflict: 409, 412 or 404
   * @param cause the SDK exception, or null when the store detected the conflict itself
   */
  public WriteConflictException(String message, int statusCode, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
  }

  /** 409 (exists), 412 (ETag changed) or 404 (deleted since read). */
  public int statusCode() {
    return statusCode;
  }
}
