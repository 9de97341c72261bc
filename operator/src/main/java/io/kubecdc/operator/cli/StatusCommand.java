package io.kubecdc.operator.cli;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.operator.report.PipelineRow;
import io.kubecdc.operator.report.StatusTable;
import io.kubecdc.operator.standalone.StateNotes;
import io.kubecdc.operator.standalone.StatusFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kubecdc status}: every pipeline with revision, readiness, phase, lag, freshness and
 * checkpoint, read from a cluster ({@code kubectl get cdcpipelines} with the figures a user asks
 * for first) or, without one, from the status files of a standalone run, with its checkpoint
 * generations' history and an edit of the files it did not apply under the table.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Lists pipelines with revision, readiness, phase, tables streaming, lag, freshness and"
          + " checkpoint: from the cluster of the kubeconfig, or with --state-dir from the status"
          + " a standalone `kubecdc run` writes.",
      "Exit codes: 0 listed (also when there is none), 2 bad arguments or unreachable cluster."
    })
final class StatusCommand implements Callable<Integer> {
  /**
   * Read as generic resources, so that status fields of a newer operator do not break reading; the
   * plural comes from the model, since discovery is one more request (and the mock server has
   * none).
   */
  private static final ResourceDefinitionContext PIPELINES =
      ResourceDefinitionContext.fromResourceType(CdcPipeline.class);

  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or yaml (default: ${DEFAULT-VALUE}).")
  StatusTable.Format format;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Pipelines of every namespace.")
  boolean allNamespaces;

  @Mixin NamespaceOption ns;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Read the status a standalone run writes under DIR instead of a cluster.")
  Path stateDir;

  @Override
  public Integer call() {
    if (allNamespaces && ns.namespace != null) {
      throw terminal().refuse("-A and -n exclude each other");
    }
    List<PipelineRow> rows = stateDir != null ? fromStateDir() : fromCluster();
    if (rows.isEmpty() && format == StatusTable.Format.table) {
      terminal().out().println("no CdcPipeline found in " + where());
      return 0;
    }
    terminal().out().print(StatusTable.render(rows, format));
    if (stateDir != null && format == StatusTable.Format.table) {
      snapshots().stream()
          .flatMap(s -> StateNotes.of(s).stream())
          .forEach(terminal().out()::println);
    }
    return 0;
  }

  private List<PipelineRow> fromCluster() {
    try (ClusterOptions.Cluster c = cluster.connect(null)) {
      var pipelines = c.client().genericKubernetesResources(PIPELINES);
      List<GenericKubernetesResource> items =
          c.read(
              "the CdcPipelines",
              () ->
                  allNamespaces
                      ? pipelines.inAnyNamespace().list().getItems()
                      : pipelines.inNamespace(c.namespace(ns.namespace)).list().getItems());
      ns.namespace = c.namespace(ns.namespace);
      return items.stream().map(PipelineRow::of).toList();
    }
  }

  private List<PipelineRow> fromStateDir() {
    if (!Files.isDirectory(stateDir)) {
      throw terminal().refuse("--state-dir " + stateDir + ": no such folder");
    }
    return snapshots().stream().map(s -> PipelineRow.of(s.pipeline())).toList();
  }

  /** The status files of the state folder, of the namespace asked for. */
  private List<StatusFile.Snapshot> snapshots() {
    return StatusFile.read(stateDir).stream()
        .filter(
            s ->
                allNamespaces
                    || ns.namespace == null
                    || ns.namespace.equals(s.pipeline().getMetadata().getNamespace()))
        .toList();
  }

  private String where() {
    if (stateDir != null) {
      return "the state folder " + stateDir;
    }
    return allNamespaces ? "any namespace" : "namespace " + ns.namespace;
  }

  private Terminal terminal() {
    return new Terminal(spec);
  }
}
