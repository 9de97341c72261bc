package io.kubecdc.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a KubeCDC manifest as the API server would, where none does (the standalone runner,
 * {@code kubecdc validate} in a GitOps check): the CRD's structural schema (JSON Schema draft 4,
 * the subset Kubernetes uses) and its CEL rules. The CRDs are the ones generated from the model at
 * build time (META-INF/fabric8 on the class path), so the check always matches the model.
 */
public final class ManifestValidator {
  private static final Map<String, String> CRDS =
      Map.of(
          "CdcPipeline", "META-INF/fabric8/cdcpipelines.kubecdc.io-v1.yml",
          "CdcEnvironment", "META-INF/fabric8/cdcenvironments.kubecdc.io-v1.yml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonSchema schema;
  private final CelRules rules;

  private ManifestValidator(JsonNode openApiSchema) {
    this.schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApiSchema);
    this.rules = new CelRules(openApiSchema);
  }

  /** The validator of a kind: {@code CdcPipeline} or {@code CdcEnvironment}. */
  public static ManifestValidator forKind(String kind) {
    String resource = CRDS.get(kind);
    if (resource == null) {
      throw new IllegalArgumentException(
          "not a KubeCDC kind: " + kind + " (expected " + CRDS.keySet() + ")");
    }
    try (InputStream in = ManifestValidator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("CRD missing from the class path: " + resource);
      }
      JsonNode crd = YAML.readTree(in);
      return new ManifestValidator(
          crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Problems of a new manifest: schema errors, then broken CEL rules; empty when valid. */
  public List<String> validate(JsonNode manifest) {
    return validate(manifest, null);
  }

  /** Problems of an update from {@code old} (transition rules such as "never lowered" apply). */
  public List<String> validate(JsonNode manifest, JsonNode old) {
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : schema.validate(manifest)) {
      out.add(m.getMessage().replaceFirst("^\\$\\.", ""));
    }
    if (out.isEmpty()) {
      out.addAll(rules.violations(manifest, old));
    }
    return out;
  }
}
