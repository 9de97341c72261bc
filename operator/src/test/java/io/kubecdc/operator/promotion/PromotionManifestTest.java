package io.kubecdc.operator.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.revision.PipelineRevision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionManifestTest {
  @Test
  void shouldWriteTheSpecWithoutDefaultsAndWithItsRevision() {
    var spec = Gates.spec();

    String yaml = PromotionManifest.yaml("orders", spec, false);

    assertThat(yaml)
        .isEqualTo(
            "apiVersion: kubecdc.io/v1alpha1\n"
                + "kind: CdcPipeline\n"
                + "metadata:\n"
                + "  name: orders\n"
                + "  annotations:\n"
                + "    kubecdc.io/source-revision: "
                + PipelineRevision.of(spec)
                + "\n"
                + "spec:\n"
                + yaml.substring(yaml.indexOf("spec:\n") + 6));
    CdcPipeline back = Serialization.unmarshal(yaml, CdcPipeline.class);
    assertThat(PipelineRevision.of(back.getSpec())).isEqualTo(PipelineRevision.of(spec));
    assertThat(yaml).doesNotContain("paused", "deletionPolicy", "maxRows");
    assertThat(PromotionManifest.yaml("orders", spec, true)).contains("paused: true");
  }

  @Test
  void shouldAddTheManifestToTheOverlayWithOneLine(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("kustomization.yaml"), "namespace: prod\nresources:\n  - environment.yaml\n");
    GitOpsOverlay overlay = new GitOpsOverlay(dir);

    assertThat(overlay.write("orders", "kind: CdcPipeline\n"))
        .containsExactly("pipelines/orders.yaml", "kustomization.yaml");
    assertThat(overlay.write("orders", "kind: CdcPipeline\n")).isEmpty();
    assertThat(Files.readString(dir.resolve("kustomization.yaml")))
        .isEqualTo(
            "namespace: prod\nresources:\n  - pipelines/orders.yaml\n  - environment.yaml\n");
    assertThat(overlay.write("orders", "kind: CdcPipeline # v2\n"))
        .containsExactly("pipelines/orders.yaml");
    assertThat(List.of(Files.readString(dir.resolve("pipelines/orders.yaml"))))
        .containsExactly("kind: CdcPipeline # v2\n");
  }
}
