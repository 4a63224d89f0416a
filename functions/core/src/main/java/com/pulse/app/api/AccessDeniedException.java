package com.pulse.app.api;

/**
 * A read of a tenant's data was refused: no or a malformed caller principal
 * ({@link #authenticated()} false, HTTP 401) or a caller who may not read that tenant (HTTP 403).
 * A {@link SecurityException}, the JDK's type for a refused operation; a dedicated subtype because
 * the HTTP layer needs to tell the two cases apart.
 */
public final class AccessDeniedException extends SecurityException {
  private static final long serialVersionUID = 1L;
  private final boolean authenticated;

  /**
   * @param authenticated whether the caller was identified (403) or not (401)
   * @param message why, safe to show the caller (no claim values)
   */
  public AccessDeniedException(boolean authenticated, String message) {
    super(message);
    this.authenticated = authenticated;
  }

  /** Whether the caller was identified: true means 403 Forbidden, false 401 Unauthorized. */
  public boolean authenticated() {
    return authenticated;
  }
}
