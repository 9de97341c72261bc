package io.kubecdc.kubetest;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Map;

/** The test CRD {@code widgets.test.kubecdc.io} and its objects, for the Kubernetes ITs. */
final class Widgets {
  static final String API_VERSION = "test.kubecdc.io/v1";
  static final String KIND = "Widget";

  private Widgets() {}

  static CustomResourceDefinition crd() {
    return Crds.load(Widgets.class.getResourceAsStream("/widgets-crd.yaml"));
  }

  static MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      in(KubeTarget target) {
    return target.client().genericKubernetesResources(API_VERSION, KIND);
  }

  static GenericKubernetesResource widget(String name, int size, String color) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind(KIND)
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("size", size, "color", color)))
        .build();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> spec(GenericKubernetesResource widget) {
    return (Map<String, Object>) widget.getAdditionalProperties().get("spec");
  }
}
