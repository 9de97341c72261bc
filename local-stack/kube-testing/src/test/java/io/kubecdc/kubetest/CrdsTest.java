package io.kubecdc.kubetest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrdsTest {
  private final CustomResourceDefinition crd =
      Crds.load(CrdsTest.class.getResourceAsStream("/widgets-crd.yaml"));

  @Test
  void shouldRemoveEveryValidationRuleAndKeepTheRestOfTheSchema() {
    List<String> removed = new ArrayList<>();
    CustomResourceDefinition stripped = Crds.withoutValidationRules(crd, removed);

    JSONSchemaProps spec = spec(stripped);
    assertThat(spec.getXKubernetesValidations()).isNullOrEmpty();
    assertThat(spec.getProperties().get("color").getXKubernetesValidations()).isNullOrEmpty();
    assertThat(spec.getProperties().get("size").getMinimum()).isEqualTo(1.0);
    assertThat(spec.getProperties().get("maxSize").getDefault().asInt()).isEqualTo(10);
    assertThat(stripped.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
        .extracting("name")
        .containsExactly("Size", "Phase");
    assertThat(removed)
        .containsExactly(
            "/spec/versions/0/schema/openAPIV3Schema/properties/spec",
            "/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/color");
    assertThat(spec(crd).getXKubernetesValidations()).as("the original is unchanged").hasSize(1);
  }

  @Test
  void shouldKnowThatCelRulesStartWithKubernetes125() {
    assertThat(Crds.supportsValidationRules(version("1", "20"))).isFalse();
    assertThat(Crds.supportsValidationRules(version("1", "24+"))).isFalse();
    assertThat(Crds.supportsValidationRules(version("1", "25"))).isTrue();
    assertThat(Crds.supportsValidationRules(version("1", "32"))).isTrue();
  }

  private static JSONSchemaProps spec(CustomResourceDefinition crd) {
    return crd.getSpec()
        .getVersions()
        .get(0)
        .getSchema()
        .getOpenAPIV3Schema()
        .getProperties()
        .get("spec");
  }

  private static VersionInfo version(String major, String minor) {
    return new VersionInfo.Builder()
        .withMajor(major)
        .withMinor(minor)
        .withGitVersion("v" + major + "." + minor)
        .build();
  }
}
