package io.kubecdc.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.crd.v1alpha1.PromotionPolicy;
import io.kubecdc.api.crd.v1alpha1.PromotionRequirement;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import io.kubecdc.operator.promotion.RevisionRecord;
import io.kubecdc.operator.promotion.SourceDrift;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubecdc promote} against a cluster (the mock server and the real API server) whose staging
 * pipeline carries the status an operator writes, into a GitOps checkout in a temporary folder:
 * what it writes, what it refuses and why, and {@code --apply}.
 */
class PromoteIT {
  private static final String KUSTOMIZATION =
      "# prod: where the pipelines run\nresources:\n- environment.yaml\n";
  @TempDir Path gitops;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @KubeTargetTest
  void shouldWriteTheProvenRevisionIntoTheTargetOverlay(KubeTarget target, TestNamespace prod)
      throws IOException {
    try (TestNamespace staging = TestNamespace.create(target, "staging")) {
      CdcPipeline proven = provenIn(target, staging.name(), 45);
      gatedEnvironment(target.client(), prod.name(), staging.name());
      Path overlay = Files.createDirectories(gitops.resolve("overlays/prod"));
      Files.writeString(overlay.resolve("kustomization.yaml"), KUSTOMIZATION);

      int code = intoOverlay(target, staging.name(), prod.name());

      assertThat(code).as(output()).isZero();
      String revision = proven.getStatus().getApplied().getRevision();
      assertThat(output())
          .contains("gate of " + prod.name() + " holds: " + staging.name() + "/orders Ready")
          .contains("wrote " + overlay.resolve("pipelines/orders.yaml"))
          .contains("commit it: git -C " + gitops + " add overlays/prod");
      assertThat(Files.readString(overlay.resolve("kustomization.yaml")))
          .isEqualTo(
              "# prod: where the pipelines run\nresources:\n- pipelines/orders.yaml\n"
                  + "- environment.yaml\n");
      String manifest = Files.readString(overlay.resolve("pipelines/orders.yaml"));
      CdcPipeline written =
          target.client().getKubernetesSerialization().unmarshal(manifest, CdcPipeline.class);
      assertThat(PipelineRevision.of(written.getSpec())).isEqualTo(revision);
      assertThat(written.getMetadata().getAnnotations())
          .containsEntry(SourceDrift.ANNOTATION, revision);
      assertThat(manifest)
          .as("no default repeated, no namespace, no status")
          .doesNotContain("paused", "namespace", "status", "deletionPolicy", "maxRows");

      out.reset();
      assertThat(intoOverlay(target, staging.name(), prod.name())).isZero();
      assertThat(output()).contains("nothing to change");
    }
  }

  @KubeTargetTest
  void shouldRefuseWithWhatIsMissingWhenTheGateDoesNotHold(KubeTarget target, TestNamespace prod)
      throws IOException {
    try (TestNamespace staging = TestNamespace.create(target, "staging")) {
      provenIn(target, staging.name(), 10);
      gatedEnvironment(target.client(), prod.name(), staging.name());
      Files.createDirectories(gitops.resolve("overlays/prod"));

      int code = promote(target, staging.name(), prod.name(), "--apply");

      assertThat(code).isEqualTo(PromoteCommand.REFUSED);
      assertThat(output())
          .contains("does not meet the gate of " + prod.name())
          .containsPattern(staging.name() + "/orders Ready and caught up for 10m\\d*s? of 30m");
      assertThat(
              target
                  .client()
                  .resources(CdcPipeline.class)
                  .inNamespace(prod.name())
                  .list()
                  .getItems())
          .isEmpty();
    }
  }

  @KubeTargetTest
  void shouldApplyTheProvenRevisionWithApply(KubeTarget target, TestNamespace prod) {
    try (TestNamespace staging = TestNamespace.create(target, "staging")) {
      CdcPipeline proven = provenIn(target, staging.name(), 45);
      gatedEnvironment(target.client(), prod.name(), staging.name());

      assertThat(promote(target, staging.name(), prod.name(), "--apply")).as(output()).isZero();

      CdcPipeline applied =
          target
              .client()
              .resources(CdcPipeline.class)
              .inNamespace(prod.name())
              .withName("orders")
              .get();
      assertThat(PipelineRevision.of(applied.getSpec()))
          .isEqualTo(proven.getStatus().getApplied().getRevision());
      assertThat(output()).contains("created CdcPipeline " + prod.name() + "/orders");
      assertThat(promote(target, "nowhere", prod.name(), "--apply"))
          .isEqualTo(KubecdcCommand.BAD_INPUT);
      assertThat(output()).contains("no CdcPipeline nowhere/orders");
    }
  }

  /** The fixture pipeline in {@code ns} with the status of one Ready and caught up since then. */
  private static CdcPipeline provenIn(KubeTarget target, String ns, int minutesAgo) {
    KubernetesClient client = target.client();
    CdcPipeline p = load(client, "/k8s/pipeline.yaml", CdcPipeline.class);
    p.getMetadata().setNamespace(ns);
    CdcPipeline created = client.resource(p).create();
    CdcPipelineStatus s = new CdcPipelineStatus();
    Instant then = Instant.now().minusSeconds(minutesAgo * 60L);
    s.setApplied(
        RevisionRecord.next(null, created.getSpec(), true, 0L, Optional.empty(), 0L, then));
    s.setRevision(s.getApplied().getRevision());
    s.setLag(0L);
    s.setDeadLetters(0L);
    created.setStatus(s);
    return client.resource(created).updateStatus();
  }

  private static void gatedEnvironment(KubernetesClient client, String ns, String upstream) {
    CdcEnvironment env = load(client, "/k8s/environment.yaml", CdcEnvironment.class);
    PromotionRequirement req = new PromotionRequirement();
    req.setNamespace(upstream);
    PromotionPolicy policy = new PromotionPolicy();
    policy.setRequires(List.of(req));
    env.getSpec().setPromotion(policy);
    env.getMetadata().setNamespace(ns);
    client.resource(env).create();
  }

  private static <T> T load(KubernetesClient client, String resource, Class<T> type) {
    try (InputStream in = PromoteIT.class.getResourceAsStream(resource)) {
      return client.getKubernetesSerialization().unmarshal(in, type);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private int intoOverlay(KubeTarget target, String from, String to) {
    return promote(
        target, from, to, "--gitops-dir", gitops.toString(), "--overlay", "overlays/prod");
  }

  private int promote(KubeTarget target, String from, String to, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "promote",
                "orders",
                "--from",
                from,
                "--to",
                to,
                "--kubeconfig",
                kubeconfig(target).toString()));
    args.addAll(List.of(more));
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return KubecdcCommand.execute(print, print, args.toArray(String[]::new));
  }

  /** The target's kubeconfig; for the mock server one written for its URL. */
  private Path kubeconfig(KubeTarget target) {
    if (target.kubeconfig().isPresent()) {
      return target.kubeconfig().get();
    }
    Path file = gitops.resolveSibling(gitops.getFileName() + "-mock.kubeconfig");
    String yaml =
        "apiVersion: v1\nkind: Config\nclusters:\n- name: mock\n  cluster:\n    server: "
            + target.client().getMasterUrl()
            + "\n    insecure-skip-tls-verify: true\nusers:\n- name: test\n  user:\n    token: t\n"
            + "contexts:\n- name: mock\n  context: {cluster: mock, user: test}\n"
            + "current-context: mock\n";
    try {
      return Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
