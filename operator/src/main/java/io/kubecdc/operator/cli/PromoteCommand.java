package io.kubecdc.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.PromotionPolicy;
import io.kubecdc.api.crd.v1alpha1.PromotionRequirement;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.operator.promotion.GateResult;
import io.kubecdc.operator.promotion.GitOpsOverlay;
import io.kubecdc.operator.promotion.PromotionGate;
import io.kubecdc.operator.promotion.PromotionManifest;
import io.kubecdc.operator.promotion.RevisionRecord;
import io.kubecdc.operator.promotion.SourceDrift;
import io.kubecdc.operator.promotion.Upstream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kubecdc promote}: the revision that runs in {@code --from} (its {@code status.applied},
 * the spec that was proven, not a spec edited since), checked now against the promotion gate of
 * {@code --to}'s CdcEnvironment with the same {@link PromotionGate} the operator uses, then written
 * into the target overlay of a GitOps checkout or applied to the cluster. Refuses with the gate's
 * reasons (exit 1) instead of writing what the operator would hold anyway.
 */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = {
      "Promotes the revision a pipeline runs in one namespace to another, if the target"
          + " environment's promotion gate holds now: writes it into the target overlay of a"
          + " GitOps checkout (--gitops-dir) or applies it (--apply). Exit 1: refused by the gate."
    })
final class PromoteCommand implements Callable<Integer> {
  static final int REFUSED = 1;

  @ParentCommand KubecdcCommand parent;

  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The CdcPipeline's name.")
  String pipeline;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "NS",
      description = "Namespace it runs in.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "NS",
      description = "Namespace to promote to.")
  String to;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(
        names = "--gitops-dir",
        paramLabel = "DIR",
        description = "GitOps checkout: writes DIR/overlays/<to>/pipelines/<pipeline>.yaml.")
    Path gitopsDir;

    @Option(names = "--apply", description = "Apply to the cluster instead of writing to Git.")
    boolean apply;
  }

  @Option(
      names = "--overlay",
      paramLabel = "PATH",
      description = "The target overlay inside --gitops-dir (default: overlays/<to>).")
  String overlay;

  @Override
  public Integer call() {
    PrintStream out = parent.out;
    try (ClusterOptions.Cluster c = cluster.connect(null)) {
      return promote(c.client(), out);
    } catch (BadInput e) {
      out.println("kubecdc promote: " + e.getMessage());
      return KubecdcCommand.BAD_INPUT;
    } catch (IOException e) {
      out.println("kubecdc promote: " + e.getMessage());
      return KubecdcCommand.BAD_INPUT;
    } catch (KubernetesClientException e) {
      out.println("kubecdc promote: the cluster refused or did not answer: " + e.getMessage());
      return KubecdcCommand.UNEXPECTED;
    }
  }

  private int promote(KubernetesClient client, PrintStream out) throws BadInput, IOException {
    CdcPipeline source = read(client, from, pipeline);
    if (source == null) {
      throw new BadInput("no CdcPipeline " + from + "/" + pipeline);
    }
    var applied = source.getStatus() == null ? null : source.getStatus().getApplied();
    CdcPipelineSpec proven =
        RevisionRecord.spec(applied)
            .orElseThrow(
                () ->
                    new BadInput(
                        from + "/" + pipeline + " has no status.applied: no revision runs there"));
    // computed, not read: an operator older than this CLI may have hashed it another way
    String revision = PipelineRevision.of(proven);
    driftNote(source, out);
    String envName = proven.getEnvironment();
    CdcEnvironment env = readEnvironment(client, to, envName);
    PromotionPolicy policy = env.getSpec().getPromotion();
    List<PromotionRequirement> requires = policy == null ? List.of() : policy.getRequires();
    GateResult gate =
        PromotionGate.evaluate(
            pipeline, revision, requires, ns -> upstream(client, ns), Instant.now());
    if (!gate.holds()) {
      out.println("refused: revision " + revision + " does not meet the gate of " + to + ":");
      gate.missing().forEach(m -> out.println("  " + m));
      return REFUSED;
    }
    out.println(
        "gate of " + to + (requires.isEmpty() ? ": none declared" : " holds: " + gate.summary()));
    CdcPipeline current = read(client, to, pipeline);
    boolean paused = current != null && current.getSpec().isPaused();
    String yaml = PromotionManifest.yaml(pipeline, proven, paused);
    return target.apply ? apply(client, yaml, current, out) : write(yaml, out);
  }

  private int write(String yaml, PrintStream out) throws BadInput, IOException {
    Path dir = target.gitopsDir.resolve(overlay == null ? "overlays/" + to : overlay);
    if (!Files.isDirectory(dir)) {
      throw new BadInput("no overlay " + dir + " (use --overlay PATH inside --gitops-dir)");
    }
    GitOpsOverlay o = new GitOpsOverlay(dir);
    List<String> changed = o.write(pipeline, yaml);
    if (changed.isEmpty()) {
      out.println("nothing to change: " + o.manifest(pipeline) + " has this revision");
      return 0;
    }
    changed.forEach(f -> out.println("wrote " + dir.resolve(f)));
    out.println(
        "commit it: git -C "
            + target.gitopsDir
            + " add "
            + target.gitopsDir.relativize(dir)
            + " && git -C "
            + target.gitopsDir
            + " commit -m 'promote "
            + pipeline
            + " "
            + from
            + " -> "
            + to
            + "'");
    return 0;
  }

  private int apply(KubernetesClient client, String yaml, CdcPipeline current, PrintStream out) {
    CdcPipeline manifest = client.getKubernetesSerialization().unmarshal(yaml, CdcPipeline.class);
    var pipelines = client.resources(CdcPipeline.class).inNamespace(to);
    if (current == null) {
      manifest.getMetadata().setNamespace(to);
      pipelines.resource(manifest).create();
      out.println("created CdcPipeline " + to + "/" + pipeline);
    } else {
      current.setSpec(manifest.getSpec());
      current.getMetadata().getAnnotations().putAll(manifest.getMetadata().getAnnotations());
      pipelines.resource(current).update();
      out.println("updated CdcPipeline " + to + "/" + pipeline);
    }
    return 0;
  }

  private void driftNote(CdcPipeline source, PrintStream out) {
    var annotations = source.getMetadata().getAnnotations();
    SourceDrift.condition(
            annotations == null ? null : annotations.get(SourceDrift.ANNOTATION),
            PipelineRevision.of(source.getSpec()),
            Instant.now(),
            0)
        .filter(c -> "False".equals(c.status()))
        .ifPresent(c -> out.println("note: " + from + "/" + pipeline + ": " + c.message()));
  }

  private Upstream upstream(KubernetesClient client, String ns) {
    CdcPipeline p = read(client, ns, pipeline);
    return p == null ? Upstream.missing(ns) : Upstream.of(ns, p.getStatus());
  }

  private static CdcPipeline read(KubernetesClient client, String ns, String name) {
    return client.resources(CdcPipeline.class).inNamespace(ns).withName(name).get();
  }

  private static CdcEnvironment readEnvironment(KubernetesClient client, String ns, String name)
      throws BadInput {
    CdcEnvironment env =
        client.resources(CdcEnvironment.class).inNamespace(ns).withName(name).get();
    if (env == null || env.getSpec() == null) {
      throw new BadInput(
          "no CdcEnvironment " + ns + "/" + name + ": the pipeline could not run in " + ns);
    }
    return env;
  }

  /** Input that cannot work (exit code 2); the message says what to change. */
  static final class BadInput extends Exception {
    BadInput(String message) {
      super(message, null, false, false);
    }
  }
}
