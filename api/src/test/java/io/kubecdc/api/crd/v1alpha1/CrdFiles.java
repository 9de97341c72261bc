package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The CRDs as committed in {@code crds/}: the fabric8 generator's output (written at
 * process-classes into META-INF/fabric8) with the printer columns in the order {@code kubectl get}
 * should show them. The generator sorts them by JSON path and has no option for an order, which is
 * why this one step is ours.
 */
final class CrdFiles {
  static final List<String> PIPELINE_COLUMNS =
      List.of("Ready", "Phase", "Tables", "Lag", "Fresh", "Checkpoint", "Age");
  static final List<String> NAMES =
      List.of("cdcpipelines.kubecdc.io-v1.yml", "cdcenvironments.kubecdc.io-v1.yml");

  static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private CrdFiles() {}

  /** The committed file for a generated CRD name. */
  static Path committed(String name) {
    return Path.of(System.getProperty("basedir", ".")).resolve("../crds").resolve(name).normalize();
  }

  /** What {@code crds/<name>} must contain, built from the generator's output. */
  static String expected(String name) {
    try (InputStream in =
        CrdFiles.class.getClassLoader().getResourceAsStream("META-INF/fabric8/" + name)) {
      if (in == null) {
        throw new IllegalStateException("generated CRD missing: META-INF/fabric8/" + name);
      }
      ObjectNode crd = (ObjectNode) YAML.readTree(in);
      for (JsonNode version : crd.path("spec").path("versions")) {
        orderColumns((ObjectNode) version);
      }
      return "# Generated from the Java model in api/ (fabric8 CRD generator); do not edit.\n"
          + "# Regenerate: ./mvnw -pl api -am verify -Dcrds.update=true\n"
          + YAML.writeValueAsString(crd);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The committed CRD as a tree. */
  static JsonNode read(String name) {
    try {
      return YAML.readTree(Files.readString(committed(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void orderColumns(ObjectNode version) {
    if (!(version.get("additionalPrinterColumns") instanceof ArrayNode columns)) {
      return;
    }
    List<JsonNode> sorted = new ArrayList<>();
    columns.forEach(sorted::add);
    sorted.sort(Comparator.comparingInt(c -> rank(c.path("name").asText())));
    columns.removeAll();
    sorted.forEach(columns::add);
  }

  private static int rank(String column) {
    int i = PIPELINE_COLUMNS.indexOf(column);
    return i < 0 ? PIPELINE_COLUMNS.size() : i;
  }
}
