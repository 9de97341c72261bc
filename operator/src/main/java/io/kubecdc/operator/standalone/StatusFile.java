package io.kubecdc.operator.standalone;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.operator.core.PipelineRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The last status of a standalone run's pipeline, {@code <state>/<namespace>.<name>/status.yaml},
 * so that {@code kubecdc status --state-dir} can show it without a cluster, from another shell or
 * after the run ended: the pipeline with its status as the operator would write it (with the
 * revision and its freshness, computed by the core as in a cluster), why an edit of the files was
 * not applied, and when it was observed.
 */
public final class StatusFile {
  static final String NAME = "status.yaml";
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  /**
   * One file's content; {@code notApplied}: why the last edit of the manifest files was not applied
   * (the pipeline runs its previous spec), null when it was. Fields it does not know are ignored: a
   * state folder outlives the version of {@code kubecdc} that wrote it (before the status carried
   * freshness, a {@code freshSeconds} of the worker's stood here).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Snapshot(String observedAt, String notApplied, CdcPipeline pipeline) {}

  private StatusFile() {}

  public static void write(
      StateDir dir, PipelineRequest request, CdcPipelineStatus status, Instant at) {
    write(dir, request, status, null, at);
  }

  public static void write(
      StateDir dir,
      PipelineRequest request,
      CdcPipelineStatus status,
      String notApplied,
      Instant at) {
    CdcPipeline p = new CdcPipeline();
    p.setMetadata(
        new ObjectMetaBuilder()
            .withName(request.name())
            .withNamespace(request.namespace())
            .withGeneration(request.generation())
            .build());
    p.setSpec(request.spec());
    status.setRevision(PipelineRevision.of(request.spec()));
    p.setStatus(status);
    Snapshot s = new Snapshot(at.toString(), notApplied, p);
    StateDir.writePrivate(dir.pipeline(request.names()).resolve(NAME), YAML.asYaml(s));
  }

  /** The snapshots of every pipeline under the state folder, in folder order. */
  public static List<Snapshot> read(Path stateDir) {
    List<Snapshot> out = new ArrayList<>();
    try (Stream<Path> folders = Files.list(stateDir)) {
      for (Path f : folders.sorted().toList()) {
        Path file = f.resolve(NAME);
        if (Files.isRegularFile(file)) {
          out.add(YAML.unmarshal(Files.readString(file), Snapshot.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the state folder " + stateDir, e);
    }
    return out;
  }
}
