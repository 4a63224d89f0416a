package com.pulse.domain.tenant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, so a validator can report every problem as
 * {@code file:line}. Built from Jackson's streaming parser (the tree model drops locations).
 * Immutable once read.
 *
 * @param line 1-based line of the value (for a mapping entry: of its key)
 * @param scalar the scalar text, or null for a mapping or list
 * @param isString whether the scalar was a string (not a number, boolean or null)
 * @param fields entries of a mapping (null if not a mapping), with duplicate keys in {@code duplicates}
 * @param items elements of a list (null if not a list)
 * @param duplicates lines of keys given twice in this mapping
 */
record YamlNode(int line, String scalar, boolean isString, Map<String, YamlNode> fields, List<YamlNode> items,
    Map<String, Integer> duplicates) {

  boolean isMap() {
    return fields != null;
  }

  boolean isList() {
    return items != null;
  }

  /** Reads the value at the parser's current token (advancing past it). */
  static YamlNode read(JsonParser p, int keyLine) throws IOException {
    JsonToken t = p.currentToken();
    int line = keyLine > 0 ? keyLine : Math.max(p.currentTokenLocation().getLineNr(), 0);
    if (t == JsonToken.START_OBJECT) {
      Map<String, YamlNode> fields = new LinkedHashMap<>();
      Map<String, Integer> dup = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int at = p.currentTokenLocation().getLineNr();
        p.nextToken();
        YamlNode value = read(p, at);
        if (fields.containsKey(key)) {
          dup.put(key, at);
        } else {
          fields.put(key, value);
        }
      }
      return new YamlNode(line, null, false, fields, null, dup);
    }
    if (t == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(p, 0));
      }
      return new YamlNode(line, null, false, null, items, Map.of());
    }
    String text = t == JsonToken.VALUE_NULL ? null : p.getText();
    return new YamlNode(line, text, t == JsonToken.VALUE_STRING, null, null, Map.of());
  }
}
