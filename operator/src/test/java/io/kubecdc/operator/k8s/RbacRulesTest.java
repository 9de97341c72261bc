package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacRulesTest {
  @Test
  void shouldParseAsPolicyRulesWithoutWildcardsAndOnlyReadSecretsByName() {
    List<PolicyRule> rules = ApiCalls.rules();
    assertThat(rules).isNotEmpty().allSatisfy(r -> assertThat(r.getVerbs()).isNotEmpty());
    assertThat(rules)
        .filteredOn(r -> r.getResources().contains("secrets"))
        .singleElement()
        .satisfies(r -> assertThat(r.getVerbs()).containsExactly("get"));
    assertThat(rules)
        .flatMap(PolicyRule::getVerbs)
        .doesNotContain("*", "deletecollection", "escalate", "bind", "impersonate");
    assertThat(rules).flatMap(PolicyRule::getResources).doesNotContain("*");
    assertThat(rules).flatMap(PolicyRule::getApiGroups).doesNotContain("*");
    assertThat(rules).allSatisfy(r -> assertThat(r.getResourceNames()).isNullOrEmpty());
  }
}
