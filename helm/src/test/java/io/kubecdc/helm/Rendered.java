package io.kubecdc.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** The objects of one {@code helm template}, looked up as a reviewer of the chart would. */
record Rendered(List<GenericKubernetesResource> objects) {
  List<GenericKubernetesResource> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
  }

  /** The only object of a kind, converted to its typed model. */
  <T extends HasMetadata> T one(String kind, Class<T> type) {
    List<GenericKubernetesResource> found = ofKind(kind);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + ", rendered " + found.size());
    }
    return Chart.YAML.convertValue(found.get(0), type);
  }

  <T extends HasMetadata> List<T> all(String kind, Class<T> type) {
    return ofKind(kind).stream().map(o -> Chart.YAML.convertValue(o, type)).toList();
  }

  List<String> kinds() {
    return objects.stream().map(GenericKubernetesResource::getKind).sorted().toList();
  }
}
