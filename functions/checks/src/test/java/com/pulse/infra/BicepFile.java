package com.pulse.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bicep file read as text - no compiler is available in the build, so the policy tests work on
 * declarations found by a small scanner: {@code resource}, {@code module}, {@code param},
 * {@code var} and {@code output} lines at the start of a line, with bodies delimited by matching
 * braces. Braces inside {@code '...'} strings and {@code //} or {@code /* *}{@code /} comments are
 * ignored (the scanner masks them first), so interpolations and comments cannot unbalance a body.
 *
 * <p>This is deliberately not a Bicep parser: it understands the subset of Bicep syntax the Pulse
 * templates use (one declaration per line start, single-quoted strings, no multi-line {@code '''}
 * strings) and fails loudly ({@link IllegalStateException}) when a body is unbalanced. Immutable
 * and thread-safe.
 */
final class BicepFile {

  /** A {@code resource} declaration; {@code body} is the text between its outer braces. */
  record Resource(
      String symbol, String type, String apiVersion, boolean existing, String body, List<String> leadingComments, int line) {

    /** True when the body has {@code name: value} with exactly that value text (after the colon). */
    boolean has(String property, String valueText) {
      return Pattern.compile("(?m)^\\s*" + Pattern.quote(property) + ":\\s*" + Pattern.quote(valueText) + "\\s*$")
          .matcher(body)
          .find();
    }

    /** The value text of the first {@code name: value} line of the body, if any. */
    Optional<String> value(String property) {
      Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(property) + ":\\s*(.+?)\\s*$").matcher(body);
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
  }

  /** A {@code module} declaration: the referenced file and the names passed in {@code params}. */
  record Module(String symbol, String path, List<String> paramNames, int line) {}

  /** A {@code param} declaration; {@code hasDefault} when it has {@code = value}. */
  record Param(String name, String type, boolean hasDefault, boolean secure) {}

  /** An {@code output} declaration with its value expression (first line). */
  record Output(String name, String type, String expression) {}

  private static final Pattern RESOURCE =
      Pattern.compile("(?m)^\\s*resource\\s+(\\w+)\\s+'([^'@]+)@([^']+)'\\s*(existing)?\\s*=");
  private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+(\\w+)\\s+'([^']+)'\\s*=");
  private static final Pattern PARAM = Pattern.compile("(?m)^param\\s+(\\w+)\\s+(\\w+)(\\s*=.*)?$");
  private static final Pattern OUTPUT = Pattern.compile("(?m)^output\\s+(\\w+)\\s+(\\w+)\\s*=\\s*(.+)$");
  private static final Pattern KEY_LINE = Pattern.compile("^\\s*'?([A-Za-z_][A-Za-z0-9_\\-]*)'?\\s*:");

  private final Path path;
  private final String text;
  private final String masked;

  private BicepFile(Path path, String text) {
    this.path = path;
    this.text = text;
    this.masked = mask(text);
  }

  /**
   * Reads a file.
   *
   * @throws UncheckedIOException if it cannot be read
   */
  static BicepFile read(Path path) {
    try {
      return new BicepFile(path, Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** Builds a file from text (for the scanner's own tests). */
  static BicepFile of(String name, String text) {
    return new BicepFile(Path.of(name), text);
  }

  Path path() {
    return path;
  }

  String text() {
    return text;
  }

  /** The text with comments and string literals blanked out (same length, newlines kept). */
  String codeOnly() {
    return masked;
  }

  /** Every {@code resource} declaration, in file order. */
  List<Resource> resources() {
    List<Resource> result = new ArrayList<>();
    Matcher m = RESOURCE.matcher(text);
    while (m.find()) {
      if (isMasked(m.start(1))) {
        continue; // inside a comment or string
      }
      int open = masked.indexOf('{', m.end());
      int close = matchingBrace(open);
      result.add(new Resource(
          m.group(1), m.group(2), m.group(3), m.group(4) != null, text.substring(open + 1, close),
          leadingComments(m.start()), lineOf(m.start())));
    }
    return result;
  }

  /** Every {@code module} declaration with the keys of its {@code params} object. */
  List<Module> modules() {
    List<Module> result = new ArrayList<>();
    Matcher m = MODULE.matcher(text);
    while (m.find()) {
      int open = masked.indexOf('{', m.end());
      int close = matchingBrace(open);
      Matcher p = Pattern.compile("(?m)^\\s*params:\\s*\\{").matcher(text).region(open, close);
      List<String> params = List.of();
      if (p.find()) {
        int pOpen = p.end() - 1;
        params = topLevelKeys(pOpen, matchingBrace(pOpen));
      }
      result.add(new Module(m.group(1), m.group(2), params, lineOf(m.start())));
    }
    return result;
  }

  /** Every {@code param} declaration, keyed by name, in file order. */
  Map<String, Param> params() {
    Map<String, Param> result = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(text);
    while (m.find()) {
      String before = text.substring(0, m.start());
      boolean secure = decoratorsAbove(before).contains("@secure()");
      result.put(m.group(1), new Param(m.group(1), m.group(2), m.group(3) != null, secure));
    }
    return result;
  }

  /** Every {@code output} declaration, in file order. */
  List<Output> outputs() {
    List<Output> result = new ArrayList<>();
    Matcher m = OUTPUT.matcher(text);
    while (m.find()) {
      result.add(new Output(m.group(1), m.group(2), m.group(3)));
    }
    return result;
  }

  /**
   * Top-level keys of the object literal assigned to {@code var name = { ... }}.
   *
   * @throws IllegalStateException if there is no such variable
   */
  List<String> objectVariableKeys(String name) {
    Matcher m = Pattern.compile("(?m)^var\\s+" + Pattern.quote(name) + "\\s*=\\s*\\{").matcher(text);
    if (!m.find()) {
      throw new IllegalStateException(path + ": no object variable '" + name + "'");
    }
    int open = m.end() - 1;
    return topLevelKeys(open, matchingBrace(open));
  }

  private List<String> topLevelKeys(int open, int close) {
    List<String> keys = new ArrayList<>();
    int depth = 0;
    int lineStart = open + 1;
    while (lineStart < close) {
      int eol = text.indexOf('\n', lineStart);
      if (eol < 0 || eol > close) {
        eol = close;
      }
      if (depth == 0) {
        Matcher k = KEY_LINE.matcher(text.substring(lineStart, eol));
        if (k.find()) {
          keys.add(k.group(1));
        }
      }
      for (int i = lineStart; i < eol; i++) {
        char c = masked.charAt(i);
        if (c == '{' || c == '[' || c == '(') {
          depth++;
        } else if (c == '}' || c == ']' || c == ')') {
          depth--;
        }
      }
      lineStart = eol + 1;
    }
    return keys;
  }

  private int matchingBrace(int open) {
    if (open < 0 || masked.charAt(open) != '{') {
      throw new IllegalStateException(path + ": expected '{' at offset " + open);
    }
    int depth = 0;
    for (int i = open; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalStateException(path + ": unbalanced braces from line " + lineOf(open));
  }

  private List<String> leadingComments(int declarationStart) {
    List<String> comments = new ArrayList<>();
    String[] lines = text.substring(0, declarationStart).split("\n", -1);
    for (int i = lines.length - 2; i >= 0; i--) {
      String line = lines[i].strip();
      if (!line.startsWith("//")) {
        break;
      }
      comments.add(0, line);
    }
    return comments;
  }

  private static String decoratorsAbove(String before) {
    String[] lines = before.split("\n", -1);
    StringBuilder decorators = new StringBuilder();
    for (int i = lines.length - 2; i >= 0 && lines[i].strip().startsWith("@"); i--) {
      decorators.append(lines[i].strip()).append('\n');
    }
    return decorators.toString();
  }

  private boolean isMasked(int offset) {
    return masked.charAt(offset) == ' ' && text.charAt(offset) != ' ';
  }

  int lineOf(int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * Blanks comments and single-quoted strings (Bicep escapes a quote as \\'), keeping newlines.
   * Interpolations {@code ${...}} inside strings stay visible: they are code.
   */
  static String mask(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        while (i < text.length() && text.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : end + 2;
        for (; i < end; i++) {
          out.append(text.charAt(i) == '\n' ? '\n' : ' ');
        }
      } else if (c == '\'') {
        out.append(' ');
        i++;
        while (i < text.length() && text.charAt(i) != '\'') {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            out.append("  ");
            i += 2;
          } else if (text.startsWith("${", i)) {
            i = copyInterpolation(text, i, out);
          } else {
            out.append(text.charAt(i) == '\n' ? '\n' : ' ');
            i++;
          }
        }
        if (i < text.length()) {
          out.append(' ');
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Copies {@code ${...}} starting at {@code start} (nested strings inside it blanked); returns the index after it. */
  private static int copyInterpolation(String text, int start, StringBuilder out) {
    out.append("  "); // the "${" itself is string syntax, not a brace of the code
    int i = start + 2;
    int depth = 1;
    while (i < text.length() && depth > 0) {
      char c = text.charAt(i);
      if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        end = end < 0 ? text.length() - 1 : end;
        out.append(" ".repeat(end - i + 1));
        i = end + 1;
        continue;
      }
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        out.append(' ');
        return i + 1;
      }
      out.append(c);
      i++;
    }
    return i;
  }
}
