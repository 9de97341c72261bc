package io.kubecdc.operator.cli;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.operator.clickhouse.ClickHouseClients;
import io.kubecdc.operator.core.Secrets;
import io.kubecdc.operator.k8s.InputResolver;
import io.kubecdc.operator.k8s.Unresolved;
import io.kubecdc.operator.report.DbtColumns;
import io.kubecdc.operator.report.DbtSources;
import io.kubecdc.operator.report.DbtTable;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubecdc dbt-sources}: the dbt sources of a pipeline, printed for a {@code sources.yml}.
 * ClickHouse is asked with the environment's URL and Secret, as the operator does, because its
 * columns are what models select; when it cannot be asked, the worker config and then the spec
 * stand in, and the header comment says which and why. The password is used, never printed.
 */
@Command(
    name = "dbt-sources",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a dbt sources.yml (version 2) for the pipeline's ClickHouse tables: the names"
          + " readers use, columns with their ClickHouse types, _version and _deleted described.",
      "Columns come from ClickHouse system.columns (URL from the pipeline's CdcEnvironment,"
          + " credentials from its Secret), else from the worker config, else only _version and"
          + " _deleted; a comment at the top says which.",
      "With --state-dir: the same for a standalone run's pipeline, without a cluster.",
      "Exit codes: 0 printed, 2 bad arguments, unknown pipeline or unreachable cluster."
    })
final class DbtSourcesCommand implements Callable<Integer> {
  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The CdcPipeline's name.")
  String pipeline;

  @Mixin NamespaceOption ns;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Without a cluster: the pipeline of a standalone run's state under DIR, ClickHouse as its"
              + " worker config names it.")
  Path stateDir;

  /** The pipeline, its tables and where their columns came from (for the header comment). */
  record Columns(CdcPipeline pipeline, List<DbtTable> tables, String from) {}

  @Override
  public Integer call() {
    Columns columns;
    if (stateDir != null) {
      if (!Files.isDirectory(stateDir)) {
        throw terminal().refuse("--state-dir " + stateDir + ": no such folder");
      }
      columns = StateDirColumns.read(stateDir, ns.namespace, pipeline);
    } else {
      try (ClusterOptions.Cluster c = cluster.connect(null)) {
        columns = columns(c, c.pipeline(c.namespace(ns.namespace), pipeline));
      }
    }
    CdcPipeline p = columns.pipeline();
    var origin =
        new DbtSources.Origin(
            p.getMetadata().getNamespace() + "/" + pipeline,
            PipelineRevision.of(p.getSpec()),
            p.getSpec().getClickhouse().getDatabase(),
            columns.from());
    terminal().out().print(DbtSources.render(origin, columns.tables()));
    return 0;
  }

  private Columns columns(ClusterOptions.Cluster c, CdcPipeline p) {
    String ns = p.getMetadata().getNamespace();
    String envName = p.getSpec().getEnvironment();
    CdcEnvironment env =
        c.read(
            "CdcEnvironment " + ns + "/" + envName,
            () ->
                c.client().resources(CdcEnvironment.class).inNamespace(ns).withName(envName).get());
    String why;
    if (env == null || env.getSpec() == null) {
      why = "CdcEnvironment " + ns + "/" + envName + " not found";
    } else {
      String url = env.getSpec().getClickhouse().getUrl();
      try (ClientV2Gateway ch = open(c, ns, env)) {
        return new Columns(
            p, DbtColumns.fromClickHouse(ch, p.getSpec()), "ClickHouse system.columns at " + url);
      } catch (Unresolved e) {
        why = e.getMessage();
      } catch (KubernetesClientException e) {
        why = "the ClickHouse Secret cannot be read: " + e.getMessage();
      } catch (RuntimeException e) {
        why = "ClickHouse at " + url + " did not answer: " + e.getMessage();
      }
    }
    return fallback(c, p, why.replace('\n', ' '));
  }

  private static ClientV2Gateway open(ClusterOptions.Cluster c, String ns, CdcEnvironment env)
      throws Unresolved {
    Secrets.Credentials creds = new InputResolver(c.client()).clickhouse(ns, env.getSpec());
    return ClickHouseClients.open(
        env.getSpec().getClickhouse().getUrl(), creds.user(), creds.password());
  }

  private static Columns fallback(ClusterOptions.Cluster c, CdcPipeline p, String why) {
    String ns = p.getMetadata().getNamespace();
    String name = new PipelineNames(ns, p.getMetadata().getName()).sinkWorkload();
    ConfigMap cm =
        c.read(
            "ConfigMap " + ns + "/" + name,
            () -> c.client().configMaps().inNamespace(ns).withName(name).get());
    String sink = cm == null || cm.getData() == null ? null : cm.getData().get("sink.yaml");
    if (sink != null) {
      return new Columns(
          p,
          DbtColumns.fromWorkerConfig(sink, p.getSpec()),
          "the worker config (ConfigMap " + ns + "/" + name + "), since " + why);
    }
    return new Columns(p, DbtColumns.fromSpec(p.getSpec()), StateDirColumns.specOnly(why));
  }

  private Terminal terminal() {
    return new Terminal(spec);
  }
}
