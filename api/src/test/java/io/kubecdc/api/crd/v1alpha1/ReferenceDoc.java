package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * docs/reference.md, rendered from the committed CRDs: every field of both resources with its type,
 * default, description and validation (schema bounds and CEL rules), so that the reference cannot
 * fall behind the model. Markdown tables, one per resource and part (spec, status).
 */
final class ReferenceDoc {
  private ReferenceDoc() {}

  static Path committed() {
    return Path.of(System.getProperty("basedir", ".")).resolve("../docs/reference.md").normalize();
  }

  static String render() {
    StringBuilder out = new StringBuilder();
    out.append("# Reference: CdcPipeline and CdcEnvironment\n\n")
        .append("<!-- Generated from crds/ by ReferenceDocTest; do not edit. Regenerate:\n")
        .append("     ./mvnw -pl api -am verify -Dcrds.update=true -->\n\n")
        .append(
            "Group `kubecdc.io`, version `v1alpha1`, both namespaced. Defaults are applied by\n")
        .append(
            "the API server (and by the standalone runner, whose model has the same defaults).\n")
        .append(
            "Rules marked CEL are enforced by Kubernetes 1.25 and later and by the standalone\n")
        .append("runner; older servers check the rest of the schema.\n");
    for (String name : CrdFiles.NAMES) {
      JsonNode crd = CrdFiles.read(name);
      String kind = crd.path("spec").path("names").path("kind").asText();
      JsonNode names = crd.path("spec").path("names");
      JsonNode schema =
          crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
      out.append("\n## ").append(kind).append("\n\n");
      out.append("Plural `")
          .append(names.path("plural").asText())
          .append("`")
          .append(shortNames(names))
          .append(".\n");
      for (String part : List.of("spec", "status")) {
        JsonNode node = schema.path("properties").path(part);
        out.append("\n### ").append(kind).append(" ").append(part).append("\n\n");
        String about = oneLine(node.path("description").asText(""));
        if (!about.isEmpty()) {
          out.append(about).append("\n\n");
        }
        out.append("| Field | Type | Default | Description |\n|---|---|---|---|\n");
        List<String[]> rows = new ArrayList<>();
        fields(node, part, rows);
        for (String[] r : rows) {
          out.append("| `")
              .append(r[0])
              .append("` | ")
              .append(r[1])
              .append(" | ")
              .append(r[2])
              .append(" | ")
              .append(r[3])
              .append(" |\n");
        }
      }
    }
    return out.toString();
  }

  private static String shortNames(JsonNode names) {
    List<String> s = new ArrayList<>();
    names.path("shortNames").forEach(n -> s.add("`" + n.asText() + "`"));
    return s.isEmpty() ? "" : ", short name " + String.join(", ", s);
  }

  private static void fields(JsonNode node, String path, List<String[]> rows) {
    for (Map.Entry<String, JsonNode> p : node.path("properties").properties()) {
      JsonNode f = p.getValue();
      String here = path + "." + p.getKey();
      boolean required = contains(node.path("required"), p.getKey());
      rows.add(
          new String[] {
            here, type(f) + (required ? ", required" : ""), defaultOf(f), description(f)
          });
      JsonNode nested = isResourceRequirements(f) ? null : nested(f);
      if (nested != null) {
        fields(nested, here + suffix(f), rows);
      }
    }
  }

  private static JsonNode nested(JsonNode f) {
    if (f.has("properties")) {
      return f;
    }
    if (f.path("items").has("properties")) {
      return f.path("items");
    }
    if (f.path("additionalProperties").has("properties")) {
      return f.path("additionalProperties");
    }
    return null;
  }

  private static String suffix(JsonNode f) {
    if (f.path("items").has("properties")) {
      return "[]";
    }
    return f.path("additionalProperties").has("properties") ? ".<name>" : "";
  }

  /** Kubernetes' own ResourceRequirements: named, not spelled out (kubectl explain has it). */
  private static boolean isResourceRequirements(JsonNode f) {
    return f.path("properties").has("limits") && f.path("properties").has("requests");
  }

  private static String type(JsonNode f) {
    if (isResourceRequirements(f)) {
      return "Kubernetes ResourceRequirements";
    }
    if (f.path("x-kubernetes-int-or-string").asBoolean()) {
      return "int or string";
    }
    String t = f.path("type").asText("object");
    if (t.equals("array")) {
      return "list of " + type(f.path("items"));
    }
    if (t.equals("object") && f.has("additionalProperties")) {
      return "map of " + type(f.path("additionalProperties"));
    }
    return t;
  }

  private static String defaultOf(JsonNode f) {
    return f.has("default") ? "`" + f.get("default").toString().replace("|", "\\|") + "`" : "";
  }

  private static String description(JsonNode f) {
    List<String> parts = new ArrayList<>();
    parts.add(oneLine(f.path("description").asText("")));
    if (f.has("enum")) {
      List<String> values = new ArrayList<>();
      f.path("enum").forEach(v -> values.add("`" + v.asText() + "`"));
      parts.add("One of " + String.join(", ", values) + ".");
    }
    bound(parts, f, "minimum", "At least");
    bound(parts, f, "maximum", "At most");
    bound(parts, f, "minLength", "Length at least");
    bound(parts, f, "maxLength", "Length at most");
    bound(parts, f, "minItems", "Items at least");
    bound(parts, f, "maxItems", "Items at most");
    if (f.has("pattern")) {
      parts.add("Pattern `" + f.get("pattern").asText().replace("|", "\\|") + "`.");
    }
    for (JsonNode rule : f.path("x-kubernetes-validations")) {
      parts.add("CEL: " + oneLine(rule.path("message").asText(rule.path("rule").asText())) + ".");
    }
    return String.join(" ", parts.stream().filter(s -> !s.isBlank()).toList()).replace("|", "\\|");
  }

  private static void bound(List<String> parts, JsonNode f, String key, String words) {
    if (f.has(key)) {
      double v = f.get(key).asDouble();
      parts.add(
          words + " " + (v == Math.rint(v) ? Long.toString((long) v) : f.get(key).asText()) + ".");
    }
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
