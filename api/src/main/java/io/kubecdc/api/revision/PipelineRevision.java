package io.kubecdc.api.revision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The revision of a pipeline: a hash of its spec, which carries no environment detail, so that the
 * same manifest has the same revision in dev, staging and prod. Promotion between environments
 * compares revisions, so the hash must not depend on what differs between two applies of one
 * manifest, nor between two operator versions that read it:
 *
 * <ul>
 *   <li>defaults: values equal to their default are left out ({@link SpecDefaults}), so a field
 *       left out, the same field written with its default (the API server fills in the CRD's
 *       defaults, the standalone loader the Java model's) and a field that a newer operator adds
 *       with a default all hash alike; otherwise an upgrade that adds one would change every
 *       pipeline's revision and hold all of them at their gates;
 *   <li>property and map order: serialized with sorted keys;
 *   <li>absent, null and empty: a list, map or object written empty hashes as one left out;
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
    JsonNode tree = SpecDefaults.withoutDefaults(JSON, spec);
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
}
