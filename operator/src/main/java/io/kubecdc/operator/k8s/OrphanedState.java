package io.kubecdc.operator.k8s;

import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.DeletionPolicy;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.operator.cleanup.Leftover;
import io.kubecdc.operator.clickhouse.DashboardTables;
import java.util.ArrayList;
import java.util.List;

/**
 * What stays behind when a pipeline is deleted without its environment (or source): nothing outside
 * Kubernetes can be reached, so every external object is listed with the command that removes it,
 * by the names {@link PipelineNames} derives.
 */
final class OrphanedState {
  private OrphanedState() {}

  static List<Leftover> of(CdcPipeline pipeline, String why) {
    var names =
        new PipelineNames(pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName());
    var spec = pipeline.getSpec();
    List<Leftover> out = new ArrayList<>();
    out.add(
        new Leftover(
            "connector " + names.connector(),
            why,
            "curl -X DELETE <connect-url>/connectors/" + names.connector()));
    out.add(
        new Leftover(
            "replication slot " + names.slot(),
            why,
            "SELECT pg_drop_replication_slot('" + names.slot() + "'); on the source database"));
    out.add(
        new Leftover(
            "publication " + names.publication(),
            why,
            "DROP PUBLICATION \"" + names.publication() + "\"; on the source database"));
    int version = spec.getCheckpoint().getVersion();
    out.add(
        new Leftover(
            "consumer groups kubecdc."
                + names.namespace()
                + "."
                + names.pipeline()
                + ".v1..v"
                + version,
            why,
            "kafka-consumer-groups.sh --delete --group "
                + names.consumerGroup(version)
                + " (and the older versions)"));
    if (spec.getDeletionPolicy().getTopics() == DeletionPolicy.Action.DELETE) {
      out.add(
          new Leftover(
              "topics " + names.topicPrefix() + ".*",
              why,
              "kafka-topics.sh --delete --topic '"
                  + names.topicPrefix().replace(".", "\\.")
                  + "\\..*'"));
    }
    if (spec.getClickhouse().getDashboardTables() != null
        || spec.getSource().getTables().stream().anyMatch(t -> t.getDashboardTable() != null)) {
      out.add(
          new Leftover(
              "dashboard tables (<table>_current, <table>__kubecdc_refresh) in database "
                  + spec.getClickhouse().getDatabase(),
              why,
              "DROP TABLE for each name of SELECT name FROM system.tables WHERE comment = '"
                  + DashboardTables.marker(names.namespace(), names.pipeline())
                  + "' ORDER BY engine = 'MaterializedView' DESC, in ClickHouse"));
    }
    if (spec.getDeletionPolicy().getTables() == DeletionPolicy.Action.DELETE) {
      out.add(
          new Leftover(
              "ClickHouse tables of database " + spec.getClickhouse().getDatabase(),
              why,
              "DROP TABLE for each table of spec.source.tables in ClickHouse"));
    }
    return out;
  }
}
