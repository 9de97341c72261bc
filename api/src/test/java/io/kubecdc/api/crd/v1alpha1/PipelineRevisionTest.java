package io.kubecdc.api.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubecdc.api.revision.PipelineRevision;
import org.junit.jupiter.api.Test;

/**
 * Promotion compares revisions across namespaces, so one manifest must have one revision however it
 * was written and wherever it was applied, and any change of what is captured must change it.
 */
class PipelineRevisionTest {
  private static final ObjectNode MINIMAL = Manifests.load("pipeline-minimal.yaml");

  @Test
  void shouldBeTheSameForAManifestAsWrittenAndAsTheApiServerStoresIt() {
    JsonNode stored =
        ModelDefaultsTest.defaulted(
            ModelDefaultsTest.schema("cdcpipelines.kubecdc.io-v1.yml"), MINIMAL.get("spec"));
    ObjectNode storedManifest = MINIMAL.deepCopy();
    storedManifest.set("spec", stored);
    storedManifest.with("metadata").put("namespace", "prod").put("resourceVersion", "42");

    assertThat(revision(storedManifest)).isEqualTo(revision(MINIMAL)).startsWith("sha256:");
    assertThat(revision(MINIMAL)).hasSize("sha256:".length() + 16);
  }

  @Test
  void shouldIgnoreKeyOrderEmptyListsAndThePausedSwitch() {
    ObjectNode reordered = Manifests.with(MINIMAL, "/spec/clickhouse/database", "analytics");
    ObjectNode source = (ObjectNode) reordered.get("spec").get("source");
    reordered.with("spec").remove("source");
    reordered.with("spec").set("source", source);
    ObjectNode emptyExclusions =
        Manifests.with(MINIMAL, "/spec/source/tables/0/excludeColumns", "[]");
    ObjectNode paused = Manifests.with(MINIMAL, "/spec/paused", "true");

    assertThat(revision(reordered)).isEqualTo(revision(MINIMAL));
    assertThat(revision(emptyExclusions)).isEqualTo(revision(MINIMAL));
    assertThat(revision(paused)).isEqualTo(revision(MINIMAL));
  }

  @Test
  void shouldHashAFieldWrittenWithItsDefaultLikeTheFieldLeftOut() {
    ObjectNode written = MINIMAL;
    for (String[] d :
        new String[][] {
          {"/spec/environment", "default"},
          {"/spec/topics/partitions", "1"},
          {"/spec/sink/batch/maxDelayMs", "200"},
          {"/spec/checkpoint/cutover/maxRowDifferencePercent", "1"},
          {"/spec/checkpoint/cutover/retainPreviousFor", "24h"},
          {"/spec/deletionPolicy/tables", "Retain"},
          {"/spec/source/tables/0/orderBy", "[]"}
        }) {
      written = Manifests.with(written, d[0], d[1]);
    }

    assertThat(revision(written)).isEqualTo(revision(MINIMAL));
    assertThat(revision(Manifests.with(MINIMAL, "/spec/sink", "{}"))).isEqualTo(revision(MINIMAL));
  }

  @Test
  void shouldChangeWhenADefaultedFieldGetsAnotherValue() {
    String base = revision(MINIMAL);

    for (String[] d :
        new String[][] {
          {"/spec/topics/partitions", "3"},
          {"/spec/sink/batch/maxDelayMs", "50"},
          {"/spec/checkpoint/cutover/maxLag", "5"},
          {"/spec/environment", "shared"}
        }) {
      assertThat(revision(Manifests.with(MINIMAL, d[0], d[1]))).as(d[0]).isNotEqualTo(base);
    }
  }

  @Test
  void shouldChangeWithWhatIsCaptured() {
    String base = revision(MINIMAL);

    assertThat(revision(Manifests.with(MINIMAL, "/spec/source/tables/1", "{name: public.items}")))
        .isNotEqualTo(base);
    assertThat(revision(Manifests.with(MINIMAL, "/spec/clickhouse/database", "other")))
        .isNotEqualTo(base);
    assertThat(revision(Manifests.with(MINIMAL, "/spec/checkpoint/version", "2")))
        .isNotEqualTo(base);
    assertThat(
            revision(Manifests.with(MINIMAL, "/spec/source/tables/0/excludeColumns", "[secret]")))
        .isNotEqualTo(base);
  }

  private static String revision(ObjectNode manifest) {
    return PipelineRevision.of(
        Serialization.unmarshal(manifest.toString(), CdcPipeline.class).getSpec());
  }
}
