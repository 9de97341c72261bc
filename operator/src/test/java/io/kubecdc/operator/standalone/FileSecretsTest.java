package io.kubecdc.operator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubecdc.api.crd.v1alpha1.SecretKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSecretsTest {
  @TempDir Path dir;

  @Test
  void shouldReadMountedSecretLayoutAndRenderReferences() throws Exception {
    Files.createDirectories(dir.resolve("pg"));
    Files.writeString(dir.resolve("pg/username"), "cdc\n");
    Files.writeString(dir.resolve("pg/password"), "pw with spaces");
    SecretKeys keys = new SecretKeys();
    keys.setName("pg");

    var c = new FileSecrets(dir).credentials("dev", keys, "${dir:{secretsDir}/{name}:{key}}");

    assertThat(c.user()).isEqualTo("cdc");
    assertThat(c.password()).isEqualTo("pw with spaces");
    assertThat(c.passwordReference())
        .as("{secretsDir} is the absolute --secrets folder")
        .isEqualTo("${dir:" + dir + "/pg:password}");
    assertThat(c.toString()).doesNotContain("pw with spaces");
  }

  @Test
  void shouldNameTheMissingFile() {
    SecretKeys keys = new SecretKeys();
    keys.setName("ch");
    assertThatThrownBy(() -> new FileSecrets(dir).credentials("dev", keys, "${x:{key}}"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("secret ch key username: no file " + dir.resolve("ch/username"));
  }
}
