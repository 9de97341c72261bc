package io.kubecdc.api.revision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The revision of a pipeline: a hash of its spec, which carries no environment detail, so that the
 * same manifest has the same revision in dev, staging and prod. Promotion between environments
 * compares revisions, so the hash must not depend on what differs between two applies of one
 * manifest:
 *
 * <ul>
 *   <li>defaults: the Java model's defaults equal the CRD schema's (tested), so a field left out
 *       and the same field written with its default value hash alike;
 *   <li>property and map order: serialized with sorted keys;
 *   <li>absent, null and empty: a list or map written empty hashes as one left out;
 *   <li>{@code paused}: an operational switch, not a change of what is captured; pausing in staging
 *       must not make it a different revision from prod's.
 * </ul>
 *
 * The value is {@code sha256:} and the first 16 hex digits (64 bits: collisions between the
 * revisions of one pipeline are not a practical concern, and it fits a printer column).
 */
public final class PipelineRevision {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PipelineRevision() {}

  public static String of(CdcPipelineSpec spec) {
    JsonNode tree = canonical(JSON.valueToTree(spec));
    if (tree instanceof ObjectNode o) {
      o.remove("paused");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(JSON.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("spec cannot be serialized", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The tree with every object's keys sorted, and without nulls or empty lists and maps. */
  private static JsonNode canonical(JsonNode node) {
    if (node instanceof ObjectNode o) {
      ObjectNode out = JSON.createObjectNode();
      Map<String, JsonNode> sorted = new TreeMap<>();
      o.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      sorted.forEach(
          (k, v) -> {
            JsonNode c = canonical(v);
            if (!c.isNull() && !(c.isContainerNode() && c.isEmpty())) {
              out.set(k, c);
            }
          });
      return out;
    }
    if (node.isArray()) {
      var out = JSON.createArrayNode();
      node.forEach(e -> out.add(canonical(e)));
      return out;
    }
    return node;
  }
}
