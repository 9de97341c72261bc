package io.kubecdc.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.crd.v1alpha1.Phase;
import io.kubecdc.operator.core.Requests;
import io.kubecdc.operator.standalone.StateDir;
import io.kubecdc.operator.standalone.StatusFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status}, {@code diff} and {@code dbt-sources} where no cluster is needed: a standalone
 * run's state, manifest files, and the errors for a kubeconfig, context or cluster that is not
 * there.
 */
class ReadCommandsTest {
  @TempDir Path dir;
  private CliRun last;

  private int kubecdc(String... args) {
    last = CliRun.of(args);
    return last.code();
  }

  private String out() {
    return last.out();
  }

  private String err() {
    return last.err();
  }

  private Path fixture(String name, String from, String to) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/manifests/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(from, to);
      return Files.writeString(dir.resolve(Math.abs(to.hashCode()) + "-" + name), text);
    }
  }

  private Path kubeconfig(String server) throws IOException {
    return Files.writeString(
        dir.resolve("kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "%s"}}]
        users: [{name: u, user: {token: t}}]
        contexts:
          - {name: dev, context: {cluster: c, user: u, namespace: dev}}
          - {name: prod, context: {cluster: c, user: u}}
        current-context: dev
        """
            .formatted(server));
  }

  @Test
  void shouldListTheStatusAStandaloneRunWrote() throws Exception {
    Path state = dir.resolve("state");
    CdcPipelineStatus status = new CdcPipelineStatus();
    status.setPhase(Phase.Streaming);
    status.setLag(0L);
    status.setTablesReady("3/3");
    status.setFreshnessSeconds(4L);
    StatusFile.write(new StateDir(state), Requests.request(), status, Instant.now());

    assertThat(kubecdc("status", "--state-dir", state.toString())).isZero();
    assertThat(out().lines())
        .element(1)
        .asString()
        .startsWith("prod        orders   sha256:")
        .contains("Streaming   3/3      0     4s      1");
    assertThat(kubecdc("status", "--state-dir", state.toString(), "-o", "json")).isZero();
    assertThat(new ObjectMapper().readTree(out()).get(0).path("phase").asText())
        .isEqualTo("Streaming");
  }

  @Test
  void shouldReadTheStatusAnOlderRunWroteWithTheWorkersFreshnessAsUnknown() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("old").resolve("dev.orders"));
    Files.writeString(
        folder.resolve("status.yaml"),
        """
        observedAt: "2026-12-01T10:00:00Z"
        freshSeconds: 2.5
        pipeline:
          apiVersion: kubecdc.io/v1alpha1
          kind: CdcPipeline
          metadata: {name: orders, namespace: dev}
          spec: {source: {name: shop, tables: [{name: public.orders}]}}
          status: {phase: Streaming, lag: 0, tablesReady: 1/1}
        """);

    assertThat(kubecdc("status", "--state-dir", dir.resolve("old").toString()))
        .as(this::err)
        .isZero();
    assertThat(out().lines())
        .element(1)
        .asString()
        .as("the worker's figure had another meaning: not shown as the pipeline's")
        .containsPattern("Streaming +1/1 +0 +- +1$");
  }

  @Test
  void shouldSaySoWhenTheStateFolderHasNoPipeline() throws Exception {
    Path state = Files.createDirectories(dir.resolve("empty"));
    assertThat(kubecdc("status", "--state-dir", state.toString())).isZero();
    assertThat(out()).isEqualTo("no CdcPipeline found in the state folder " + state + "\n");
    assertThat(kubecdc("status", "--state-dir", "nope")).isEqualTo(2);
    assertThat(err()).contains("--state-dir nope: no such folder");
  }

  @Test
  void shouldExitZeroForEqualManifestsAndOneWithTheDiffForDifferentOnes() throws Exception {
    Path a = fixture("pipeline.yaml", "namespace: prod", "namespace: staging");
    Path same = fixture("pipeline.yaml", "database: analytics", "database: analytics  # same");
    Path other = fixture("pipeline.yaml", "      - name: public.orders\n", "");

    assertThat(kubecdc("diff", "orders", "--from-file", a.toString(), "--to-file", same.toString()))
        .isZero();
    assertThat(out()).isEqualTo("no difference between " + a + " and " + same + "\n");
    assertThat(
            kubecdc("diff", "orders", "--from-file", a.toString(), "--to-file", other.toString()))
        .isEqualTo(DiffCommand.DIFFERENT);
    assertThat(out())
        .startsWith("--- " + a + "\n+++ " + other + "\n")
        .contains("\n-    - name: public.orders\n");
  }

  @Test
  void shouldRefuseAnUnknownPipelineAndAMissingSide() throws Exception {
    Path a = fixture("pipeline.yaml", "x", "x");
    assertThat(kubecdc("diff", "refunds", "--from-file", a.toString(), "--to-file", a.toString()))
        .isEqualTo(2);
    assertThat(err()).contains("kubecdc: " + a + " has no CdcPipeline named refunds");
    assertThat(kubecdc("diff", "orders", "--from-file", a.toString())).isEqualTo(2);
    assertThat(err())
        .contains("name the second side: --to NS, --to-file FILE or --to-context NAME");
  }

  @Test
  void shouldNameAMissingKubeconfigAndAnUnknownContext() throws Exception {
    assertThat(kubecdc("status", "--kubeconfig", "no-such-file")).isEqualTo(2);
    assertThat(err())
        .contains("kubeconfig no-such-file: no such file (--kubeconfig or KUBECONFIG)");
    Path config = kubeconfig("https://127.0.0.1:1");
    assertThat(kubecdc("status", "--kubeconfig", config.toString(), "--context", "staging"))
        .isEqualTo(2);
    assertThat(err())
        .contains("context 'staging' is not in the kubeconfig " + config + " (it has: dev, prod)");
  }

  @Test
  void shouldNameTheClusterThatDoesNotAnswer() throws Exception {
    Path config = kubeconfig("https://127.0.0.1:1");
    int code = kubecdc("status", "-A", "--kubeconfig", config.toString());
    assertThat(code).as(this::err).isEqualTo(2);
    assertThat(err())
        .contains(
            "kubecdc: cannot read the CdcPipelines from the cluster at https://127.0.0.1:1/"
                + " (context dev)");
    assertThat(
            kubecdc(
                "dbt-sources", "orders", "--kubeconfig", config.toString(), "--context", "prod"))
        .isEqualTo(2);
    assertThat(err())
        .contains("cannot read CdcPipeline default/orders from the cluster at https://127.0.0.1:1/")
        .contains("(context prod)");
  }

  @Test
  void shouldDocumentTheExitCodesInTheHelp() {
    for (String command : new String[] {"status", "diff", "dbt-sources"}) {
      assertThat(kubecdc(command, "--help")).isZero();
      assertThat(out()).contains("Usage: kubecdc " + command).contains("Exit codes: 0");
    }
  }
}
