package io.kubecdc.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackConfigTest {
  @TempDir Path temp;

  private final StackLayout layout =
      new StackLayout(
          Path.of("/repo"), Path.of("/k"), Path.of("/d.tgz"), Path.of("/fc"), Path.of("/fl"));

  @Test
  void shouldUseDefaultsUnderTheRepository() {
    StackConfig c = StackConfig.load(Map.of(), Map.of(), layout);
    assertThat(c.home()).isEqualTo(Path.of("/repo/.stack"));
    assertThat(c.postgresPort()).isEqualTo(15432);
    assertThat(c.kafkaPort()).isEqualTo(19092);
    assertThat(c.connectPort()).isEqualTo(18083);
    assertThat(c.clickhousePort()).isEqualTo(18123);
    assertThat(c.chdbLibrary())
        .isEqualTo(Path.of("/repo/tools/chdb/node_modules/@chdb/lib-linux-x64-gnu/libchdb.so"));
  }

  @Test
  void shouldPreferOptionsOverEnvironmentOverRecordedValues() {
    String home = temp.toString();
    StackConfig.load(
            Map.of("home", home, "pg-port", "2000", "kafka-port", "3000"), Map.of(), layout)
        .record();

    StackConfig c =
        StackConfig.load(
            Map.of("home", home, "kafka-port", "3001"),
            Map.of("KUBECDC_STACK_PG_PORT", "2001", "KUBECDC_STACK_KAFKA_PORT", "3002"),
            layout);
    assertThat(c.kafkaPort()).as("option").isEqualTo(3001);
    assertThat(c.postgresPort()).as("env").isEqualTo(2001);

    StackConfig recorded = StackConfig.load(Map.of("home", home), Map.of(), layout);
    assertThat(recorded.postgresPort()).as("recorded").isEqualTo(2000);
    assertThat(recorded.kafkaPort()).isEqualTo(3000);
  }

  @Test
  void shouldTakeTheHomeFromTheEnvironment() {
    StackConfig c =
        StackConfig.load(Map.of(), Map.of("KUBECDC_STACK_HOME", temp.toString()), layout);
    assertThat(c.home()).isEqualTo(temp);
    assertThat(c.secrets()).isEqualTo(temp.resolve("secrets"));
  }

  @Test
  void shouldNameTheOptionOfABadPort() {
    assertThatThrownBy(() -> StackConfig.load(Map.of("connect-port", "80a"), Map.of(), layout))
        .isInstanceOf(StackException.class)
        .hasMessageContaining("--connect-port")
        .hasMessageContaining("KUBECDC_STACK_CONNECT_PORT")
        .hasMessageContaining("'80a'");
    assertThatThrownBy(() -> StackConfig.load(Map.of("pg-port", "70000"), Map.of(), layout))
        .hasMessageContaining("--pg-port");
  }

  @Test
  void shouldConfigureTheKubeServiceLikeTheOthersAndRecordIt() {
    String home = temp.toString();
    StackConfig c =
        StackConfig.load(
            Map.of("home", home, "kube-port", "7443", "kube-bin", "/opt/kube/bin"),
            Map.of("KUBECDC_STACK_KUBE_ETCD_PORT", "7379"),
            layout);
    assertThat(c.kube())
        .isEqualTo(
            new StackConfig.KubeSettings(7443, 7379, 12380, 16444, Path.of("/opt/kube/bin")));
    c.record();

    StackConfig recorded = StackConfig.load(Map.of("home", home), Map.of(), layout);
    assertThat(recorded.kube()).isEqualTo(c.kube());
    assertThat(StackConfig.load(Map.of(), Map.of(), layout).kube().binaries())
        .as("default: build-kube's cache")
        .isNull();
    assertThatThrownBy(
            () -> StackConfig.load(Map.of("kube-controller-manager-port", "x"), Map.of(), layout))
        .hasMessageContaining("--kube-controller-manager-port")
        .hasMessageContaining("KUBECDC_STACK_KUBE_CONTROLLER_MANAGER_PORT");
  }
}
