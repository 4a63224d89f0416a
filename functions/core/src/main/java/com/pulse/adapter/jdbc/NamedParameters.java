package com.pulse.adapter.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites {@code :name} parameters to JDBC {@code ?} markers, skipping string literals
 * ({@code '...'}), quoted identifiers ({@code "..."} and {@code [...]}), comments ({@code --} and
 * {@code /* *\/}) and PostgreSQL/DuckDB casts ({@code ::}). Immutable.
 *
 * @param jdbcSql the SQL with {@code ?} markers
 * @param names parameter names in marker order (a name may repeat)
 */
public record NamedParameters(String jdbcSql, List<String> names) {
  /** The parameters a metric query may use. */
  public static final Set<String> ALLOWED = Set.of("window_start", "window_end");

  /**
   * @throws IllegalArgumentException naming the parameter if the SQL uses one not in {@link #ALLOWED}
   */
  public static NamedParameters parse(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    List<String> names = new ArrayList<>();
    int n = sql.length();
    for (int i = 0; i < n; i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '[') {
        char close = c == '[' ? ']' : c;
        int end = sql.indexOf(close, i + 1);
        end = end < 0 ? n - 1 : end;
        out.append(sql, i, end + 1);
        i = end;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n - 1 : end;
        out.append(sql, i, end + 1);
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n - 1 : end + 1;
        out.append(sql, i, end + 1);
        i = end;
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        out.append("::");
        i++;
      } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(sql.charAt(j))) {
          j++;
        }
        String name = sql.substring(i + 1, j);
        if (!ALLOWED.contains(name)) {
          throw new IllegalArgumentException("unknown SQL parameter ':" + name + "' (allowed: :window_start, :window_end)");
        }
        names.add(name);
        out.append('?');
        i = j - 1;
      } else {
        out.append(c);
      }
    }
    return new NamedParameters(out.toString(), List.copyOf(names));
  }
}
