package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test manifests from {@code src/test/resources/manifests}, and edits of them. */
final class Manifests {
  private Manifests() {}

  static ObjectNode load(String name) {
    try (InputStream in = Manifests.class.getResourceAsStream("/manifests/" + name)) {
      return (ObjectNode) CrdFiles.YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy of {@code manifest} with the value at a slash path replaced ({@code
   * /spec/source/tables/0/name}); {@code yamlValue} is parsed as YAML, "~" removes the field.
   */
  static ObjectNode with(ObjectNode manifest, String path, String yamlValue) {
    ObjectNode copy = manifest.deepCopy();
    String[] parts = path.substring(1).split("/");
    JsonNode parent = copy;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = at(parent, parts[i]);
      if (next == null || next.isMissingNode()) {
        next = ((ObjectNode) parent).putObject(parts[i]);
      }
      parent = next;
    }
    String last = parts[parts.length - 1];
    JsonNode value = parse(yamlValue);
    if (parent instanceof ArrayNode array) {
      int index = Integer.parseInt(last);
      if (index == array.size()) {
        array.add(value);
      } else {
        array.set(index, value);
      }
    } else if (value.isNull()) {
      ((ObjectNode) parent).remove(last);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
    return copy;
  }

  private static JsonNode at(JsonNode node, String part) {
    return node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
  }

  private static JsonNode parse(String yaml) {
    try {
      return CrdFiles.YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
