package io.kubecdc.kubetest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.Map;

/** Small objects the Kubernetes ITs share. */
final class Fixtures {
  private Fixtures() {}

  /** A Role rule that lets its holder read ConfigMaps, and nothing else. */
  static PolicyRule readConfigMaps() {
    return new PolicyRuleBuilder()
        .withApiGroups("")
        .withResources("configmaps")
        .withVerbs("get", "list")
        .build();
  }

  static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withData(data)
        .build();
  }
}
