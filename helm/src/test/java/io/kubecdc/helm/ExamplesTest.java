package io.kubecdc.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
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
 * The files a new user applies first must be valid: the kind demo's manifests parse as Kubernetes
 * objects, and its CdcEnvironment with the shop pipeline pass the CRD schema and CEL rules as the
 * API server would check them (the loader of the standalone runner validates the same way).
 */
class ExamplesTest {
  @Test
  void shouldValidateTheKindEnvironmentWithTheShopPipelineInEveryNamespace(@TempDir Path dir)
      throws IOException {
    String template = Files.readString(Chart.ROOT.resolve("kind/infra/environment.yaml"));
    for (String ns : List.of("dev", "staging", "prod")) {
      Path env = dir.resolve(ns + "-environment.yaml");
      Files.writeString(env, template.replace("NAMESPACE", ns));
      String pipeline = Files.readString(Chart.ROOT.resolve("examples/shop/pipeline.yaml"));
      Path p = dir.resolve(ns + "-pipeline.yaml");
      Files.writeString(
          p,
          pipeline.replace(
              "metadata:\n  name: shop", "metadata:\n  name: shop\n  namespace: " + ns));

      Manifests m = ManifestLoader.load(List.of(env, p));

      assertThat(m.pipelines()).singleElement();
      assertThat(m.environmentOf(m.pipelines().get(0))).isPresent();
      assertThat(m.environments().get(0).getSpec().getClickhouse().getUrl())
          .isEqualTo("http://clickhouse." + ns + ".svc:8123");
    }
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
    assertThat(kinds).contains("StatefulSet", "Deployment", "Service", "CdcEnvironment");
  }
}
