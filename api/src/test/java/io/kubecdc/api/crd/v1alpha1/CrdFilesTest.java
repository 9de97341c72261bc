package io.kubecdc.api.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class CrdFilesTest {
  static final List<String> NAMES = CrdFiles.NAMES;

  @ParameterizedTest
  @FieldSource("NAMES")
  void shouldMatchTheCommittedCrd(String name) throws IOException {
    Path committed = CrdFiles.committed(name);
    String expected = CrdFiles.expected(name);
    Path chart = committed.resolveSibling("../helm/kubecdc/crds").resolve(name).normalize();
    if (Boolean.getBoolean("crds.update")) {
      Files.writeString(committed, expected);
      Files.writeString(chart, expected);
    }
    assertThat(committed).exists();
    assertThat(Files.readString(committed))
        .as(
            "crds/%s drifted from the Java model: run ./mvnw -pl api -am verify -Dcrds.update=true"
                + " and commit it",
            name)
        .isEqualTo(expected);
    assertThat(Files.readString(chart))
        .as("helm/kubecdc/crds/%s is a copy of crds/%s: run with -Dcrds.update=true", name, name)
        .isEqualTo(expected);
  }

  @Test
  void shouldDocumentEveryFieldInTheReference() throws IOException {
    Path committed = ReferenceDoc.committed();
    String expected = ReferenceDoc.render();
    if (Boolean.getBoolean("crds.update")) {
      Files.writeString(committed, expected);
    }
    assertThat(committed).exists();
    assertThat(Files.readString(committed))
        .as(
            "docs/reference.md drifted from crds/: run ./mvnw -pl api -am verify"
                + " -Dcrds.update=true and commit it")
        .isEqualTo(expected);
    assertThat(expected)
        .contains("`spec.source.tables[].name`")
        .contains("`spec.sources.<name>.host`")
        .contains("CEL: checkpoint.version can only be raised");
  }

  @Test
  void shouldShowReadyPhaseTablesLagFreshCheckpointAgeInThatOrder() {
    JsonNode version = CrdFiles.read(NAMES.get(0)).path("spec").path("versions").get(0);
    List<String> columns = new ArrayList<>();
    version.path("additionalPrinterColumns").forEach(c -> columns.add(c.path("name").asText()));
    assertThat(columns).containsExactlyElementsOf(CrdFiles.PIPELINE_COLUMNS);
    assertThat(version.path("subresources").has("status")).isTrue();
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void shouldDescribeEveryField(String name) {
    JsonNode schema =
        CrdFiles.read(name)
            .path("spec")
            .path("versions")
            .get(0)
            .path("schema")
            .path("openAPIV3Schema");
    List<String> undescribed = new ArrayList<>();
    List<String> visited = new ArrayList<>();
    undocumented(schema.path("properties").path("spec"), "spec", undescribed, visited);
    undocumented(schema.path("properties").path("status"), "status", undescribed, visited);
    assertThat(undescribed).as("fields without a description").isEmpty();
    assertThat(visited).as("fields walked").hasSizeGreaterThan(20);
  }

  /** Walks our own fields; Kubernetes types (resources, conditions) carry their own docs. */
  private static void undocumented(
      JsonNode node, String path, List<String> out, List<String> visited) {
    JsonNode items = node.path("items");
    JsonNode props = items.isObject() ? items.path("properties") : node.path("properties");
    JsonNode values = node.path("additionalProperties").path("properties");
    for (JsonNode container : List.of(props, values)) {
      for (Map.Entry<String, JsonNode> p : container.properties()) {
        String child = path + "." + p.getKey();
        visited.add(child);
        if (!p.getValue().hasNonNull("description")) {
          out.add(child);
        }
        if (!p.getKey().equals("resources") && !p.getKey().equals("conditions")) {
          undocumented(p.getValue(), child, out, visited);
        }
      }
    }
  }
}
