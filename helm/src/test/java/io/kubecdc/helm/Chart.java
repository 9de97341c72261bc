package io.kubecdc.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The chart in {@code helm/kubecdc}, rendered by Helm itself (helm-java embeds Helm's Go code). */
final class Chart {
  static final Path DIR = locate();
  static final Path ROOT = DIR.getParent().getParent();
  static final KubernetesSerialization YAML = new KubernetesSerialization();

  private Chart() {}

  static Helm helm() {
    return new Helm(DIR);
  }

  /** {@code helm template} with release {@code kubecdc} in namespace {@code kubecdc-system}. */
  static Rendered template(Optional<Path> valuesFile, String... sets) {
    TemplateCommand t = helm().template().withName("kubecdc").withNamespace("kubecdc-system");
    valuesFile.ifPresent(t::withValuesFile);
    for (int i = 0; i + 1 < sets.length; i += 2) {
      t.set(sets[i], sets[i + 1]);
    }
    return new Rendered(parse(t.call()));
  }

  private static List<GenericKubernetesResource> parse(String manifests) {
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (String doc : manifests.split("(?m)^---\\s*$")) {
      String body = doc.replaceAll("(?m)^#.*$", "").trim();
      if (!body.isEmpty()) {
        out.add(YAML.unmarshal(body, GenericKubernetesResource.class));
      }
    }
    return out;
  }

  private static Path locate() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("helm/kubecdc/Chart.yaml"))) {
        return p.resolve("helm/kubecdc");
      }
      if (Files.isRegularFile(p.resolve("kubecdc/Chart.yaml"))) {
        return p.resolve("kubecdc");
      }
    }
    throw new IllegalStateException("no helm/kubecdc/Chart.yaml above " + dir);
  }
}
