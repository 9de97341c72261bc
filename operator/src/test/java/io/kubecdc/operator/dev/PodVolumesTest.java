package io.kubecdc.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pod's volumes as the dev kubelet mounts them, on the mock server: a worker config mounted by
 * subPath from a ConfigMap, the ClickHouse password from one Secret key, and the config's paths
 * translated to the local files, as the operator's sink Deployment lays them out.
 */
class PodVolumesTest {
  private static final String CONFIG =
      """
      kafka:
        bootstrapServers: "127.0.0.1:9092"
      clickhouse:
        url: "http://127.0.0.1:8123"
        passwordFile: /etc/kubecdc/clickhouse/password
      tables:
        - topic: /not/a/mount
      """;
  private KubeTarget mock;
  private KubernetesClient client;
  @TempDir Path dir;

  @BeforeEach
  void start() {
    mock = KubeTargets.mock();
    client = mock.client();
  }

  @AfterEach
  void stop() throws Exception {
    mock.close();
  }

  @Test
  void shouldWriteTheMountedKeysAndTranslateTheConfigsPaths() throws Exception {
    createSources();
    PodVolumes volumes = PodVolumes.mount(client, pod("ch-writer"), container(), dir).orElseThrow();

    Path config = Path.of(volumes.local("/etc/kubecdc/sink.yaml"));
    Path password = Path.of(volumes.local("/etc/kubecdc/clickhouse/password"));
    assertThat(config).hasContent(CONFIG);
    assertThat(password).hasContent("s3cret");
    assertThat(Files.getPosixFilePermissions(password))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(dir.resolve("volumes/clickhouse-password"))
        .isDirectoryNotContaining("glob:**/admin");
    assertThat(Path.of(volumes.local("/tmp"))).isDirectory();
    assertThat(volumes.local("/etc/other")).isEqualTo("/etc/other");

    String translated = WorkerFromConfigMap.translated(Files.readString(config), volumes);
    assertThat(translated)
        .contains("passwordFile: \"" + password + "\"")
        .contains("url: \"http://127.0.0.1:8123\"")
        .contains("/not/a/mount")
        .doesNotContain("s3cret");
  }

  @Test
  void shouldWaitWhileASecretItMountsIsMissing() throws Exception {
    createSources();
    assertThat(PodVolumes.mount(client, pod("no-such-secret"), container(), dir)).isEmpty();
  }

  @Test
  void shouldRefuseAVolumeTypeItCannotMount() {
    createSources();
    Pod pod =
        new PodBuilder(pod("ch-writer"))
            .editSpec()
            .editMatchingVolume(v -> v.getName().equals("tmp"))
            .withEmptyDir(null)
            .withNewHostPath("/var/data", "Directory")
            .endVolume()
            .endSpec()
            .build();
    assertThatThrownBy(() -> PodVolumes.mount(client, pod, container(pod), dir))
        .hasMessageContaining("volume tmp: only configMap, secret and emptyDir");
  }

  private void createSources() {
    client
        .configMaps()
        .inNamespace("dev")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("orders-sink")
                .endMetadata()
                .withData(Map.of("sink.yaml", CONFIG))
                .build())
        .create();
    client
        .secrets()
        .inNamespace("dev")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("ch-writer")
                .endMetadata()
                .withData(Map.of("password", b64("s3cret"), "admin", b64("other")))
                .build())
        .create();
  }

  private io.fabric8.kubernetes.api.model.Container container() {
    return container(pod("ch-writer"));
  }

  private static io.fabric8.kubernetes.api.model.Container container(Pod pod) {
    return pod.getSpec().getContainers().get(0);
  }

  /** The volumes and mounts of the operator's sink Deployment (SinkDeploymentDependent). */
  private static Pod pod(String secret) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("orders-sink-abc")
        .withNamespace("dev")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("sink-worker")
        .withArgs("--config", "/etc/kubecdc/sink.yaml")
        .addNewVolumeMount()
        .withName("config")
        .withMountPath("/etc/kubecdc/sink.yaml")
        .withSubPath("sink.yaml")
        .endVolumeMount()
        .addNewVolumeMount()
        .withName("clickhouse-password")
        .withMountPath("/etc/kubecdc/clickhouse")
        .endVolumeMount()
        .addNewVolumeMount()
        .withName("tmp")
        .withMountPath("/tmp")
        .endVolumeMount()
        .endContainer()
        .addNewVolume()
        .withName("config")
        .withNewConfigMap()
        .withName("orders-sink")
        .endConfigMap()
        .endVolume()
        .addNewVolume()
        .withName("clickhouse-password")
        .withNewSecret()
        .withSecretName(secret)
        .addNewItem("password", 0400, "password")
        .endSecret()
        .endVolume()
        .addNewVolume()
        .withName("tmp")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .endSpec()
        .build();
  }

  private static String b64(String s) {
    return java.util.Base64.getEncoder()
        .encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
