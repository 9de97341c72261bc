package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.api.crd.v1alpha1.ConnectConnection;
import org.junit.jupiter.api.Test;

class SecretReferencesTest {
  @Test
  void shouldRenderStrimzisSecretsProviderByDefault() {
    assertThat(
            SecretReferences.render(
                ConnectConnection.STRIMZI_SECRETS, "prod", "shop-cdc", "password"))
        .isEqualTo("${secrets:prod/shop-cdc:password}");
  }

  @Test
  void shouldRenderAMountedDirectoryReferenceWithoutTheNamespace() {
    assertThat(
            SecretReferences.render(
                "${dir:/opt/kafka/external-configuration/{name}:{key}}",
                "prod",
                "shop-cdc",
                "user"))
        .isEqualTo("${dir:/opt/kafka/external-configuration/shop-cdc:user}");
  }
}
