package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacRulesTest {
  @Test
  void shouldParseAsPolicyRulesAndOnlyReadSecretsByName() throws IOException {
    List<PolicyRule> rules;
    try (InputStream in = getClass().getResourceAsStream("/io/kubecdc/operator/rbac-rules.yaml")) {
      rules = List.of(new KubernetesSerialization().unmarshal(in, PolicyRule[].class));
    }
    assertThat(rules).isNotEmpty().allSatisfy(r -> assertThat(r.getVerbs()).isNotEmpty());
    assertThat(rules)
        .filteredOn(r -> r.getResources().contains("secrets"))
        .singleElement()
        .satisfies(r -> assertThat(r.getVerbs()).containsExactly("get"));
    assertThat(rules)
        .flatMap(PolicyRule::getVerbs)
        .doesNotContain("*", "deletecollection", "escalate", "bind", "impersonate");
  }
}
