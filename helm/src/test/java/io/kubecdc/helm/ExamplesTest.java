package io.kubecdc.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.operator.standalone.ManifestLoader;
import io.kubecdc.operator.standalone.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a new user applies first must be valid: every CdcPipeline and CdcEnvironment under
 * examples/ passes the CRD schema and CEL rules as the API server would check them (through the
 * standalone runner's loader, which validates the same way), the GitOps overlays promote one
 * pipeline unchanged, and the kind demo's manifests parse as Kubernetes objects.
 */
class ExamplesTest {
  private static final Path EXAMPLES = Chart.ROOT.resolve("examples");
  private static final Path GITOPS = EXAMPLES.resolve("gitops");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void shouldValidateEveryKubeCdcManifestUnderExamples() throws IOException {
    List<Path> manifests = new ArrayList<>();
    try (var files = Files.walk(EXAMPLES)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
        if (Files.readString(f).contains("apiVersion: kubecdc.io/")) {
          manifests.add(f);
        }
      }
    }
    assertThat(manifests)
        .anyMatch(f -> f.endsWith("minimal/pipeline.yaml"))
        .anyMatch(f -> f.endsWith("gitops/base/pipeline.yaml"));
    for (Path f : manifests) {
      Manifests m = ManifestLoader.load(List.of(f));
      assertThat(m.pipelines().size() + m.environments().size()).as("%s", f).isPositive();
    }
  }

  @Test
  void shouldPromoteTheBasePipelineUnchangedThroughEveryOverlay(@TempDir Path dir)
      throws IOException {
    String baseRevision = null;
    for (String env : List.of("dev", "staging", "prod")) {
      Path overlay = GITOPS.resolve("overlays").resolve(env);
      JsonNode k = YAML.readTree(overlay.resolve("kustomization.yaml").toFile());
      assertThat(k.path("namespace").asText()).isEqualTo(env);
      // dev runs the base as it is; staging and prod what `kubecdc promote` wrote into them
      Path pipeline =
          env.equals("dev")
              ? GITOPS.resolve("base/pipeline.yaml")
              : overlay.resolve("pipelines/shop.yaml");
      assertThat(k.path("resources").toString())
          .isEqualTo(
              env.equals("dev")
                  ? "[\"../../base\",\"environment.yaml\"]"
                  : "[\"pipelines/shop.yaml\",\"environment.yaml\"]");
      assertThat(k.has("patches") || k.has("patchesStrategicMerge") || k.has("patchesJson6902"))
          .as("overlay %s patches the pipeline", env)
          .isFalse();

      // what kustomize renders: the pipeline and the environment, in the overlay's namespace
      Path rendered = dir.resolve(env + ".yaml");
      Files.writeString(
          rendered,
          inNamespace(pipeline, env)
              + "---\n"
              + inNamespace(overlay.resolve("environment.yaml"), env));
      Manifests m = ManifestLoader.load(List.of(rendered));

      assertThat(m.pipelines()).singleElement();
      assertThat(m.environmentOf(m.pipelines().get(0))).isPresent();
      assertThat(m.environments().get(0).getSpec().getClickhouse().getUrl())
          .isEqualTo("http://clickhouse." + env + ".svc:8123");
      CdcPipeline p = m.pipelines().get(0);
      assertThat(p.getSpec().getSource().getTables())
          .extracting(t -> t.getName())
          .containsExactly(
              "public.customers", "public.products", "public.orders", "public.order_items");
      String revision = PipelineRevision.of(p.getSpec());
      if (baseRevision == null) {
        baseRevision = revision;
      } else {
        assertThat(revision).as("revision in %s", env).isEqualTo(baseRevision);
        assertThat(p.getMetadata().getAnnotations())
            .containsEntry("kubecdc.io/source-revision", baseRevision);
      }
    }
    assertThat(
            YAML.readTree(GITOPS.resolve("overlays/prod/environment.yaml").toFile())
                .at("/spec/promotion/requires/0/namespace")
                .asText())
        .isEqualTo("staging");
  }

  @Test
  void shouldParseEveryManifestOfTheKindDemo() throws IOException {
    List<String> kinds = new ArrayList<>();
    try (var files = Files.list(Chart.ROOT.resolve("kind/infra"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
        for (String doc : Files.readString(f).split("(?m)^---\\s*$")) {
          GenericKubernetesResource r =
              Chart.YAML.unmarshal(
                  doc.replace("NAMESPACE", "dev"), GenericKubernetesResource.class);
          assertThat(r.getMetadata().getNamespace())
              .as("namespace of %s in %s", r.getKind(), f)
              .isNotBlank();
          kinds.add(r.getKind());
        }
      }
    }
    assertThat(kinds).contains("StatefulSet", "Deployment", "Service", "ConfigMap");
  }

  private static String inNamespace(Path manifest, String namespace) throws IOException {
    return Files.readString(manifest)
        .replaceFirst("(?m)^metadata:\\n", "metadata:\n  namespace: " + namespace + "\n");
  }
}
