package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.api.crd.v1alpha1.TopicSettings;
import io.kubecdc.contract.PipelineEvents;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.contract.TopicNames;
import io.kubecdc.contract.types.PgCatalogReader;
import io.kubecdc.contract.types.SourceCatalogCheck;
import io.kubecdc.operator.clickhouse.TablePlan;
import io.kubecdc.operator.kafka.TopicSpec;
import io.kubecdc.operator.postgres.PostgresConnections;
import io.kubecdc.operator.postgres.SourceEndpoint;
import io.kubecdc.sink.table.ColumnSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a pipeline needs outside, derived from the spec and the source catalog with the one type
 * mapping: a topic per table (named as Debezium will name it) and the dead-letter topic, a
 * ClickHouse table plan per table, and the worker's table entries. Refuses, with a reason, what
 * would break later: two tables sharing a topic, an ORDER BY without the key.
 */
public final class TablePlans {
  /** A spec that cannot be planned, with the condition reason. */
  static final class PlanException extends Exception {
    private final String reason;

    PlanException(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  record Planned(
      List<TopicSpec> topics,
      List<TablePlan> plans,
      List<WorkerConfigRenderer.WorkerTable> workerTables,
      Optional<String> excludedColumns) {
    /** The table topics the workers read. */
    List<String> workerTopics() {
      return workerTables.stream().map(WorkerConfigRenderer.WorkerTable::topic).toList();
    }
  }

  private TablePlans() {}

  static List<TableName> tableNames(CdcPipelineSpec spec) {
    return spec.getSource().getTables().stream().map(t -> TableName.parse(t.getName())).toList();
  }

  /** The ClickHouse table of a source table: {@code target}, else the source table's name. */
  public static String targetName(TableSpec t) {
    return t.getTarget() != null ? t.getTarget() : TableName.parse(t.getName()).table();
  }

  static List<String> topicNames(PipelineRequest request) {
    String prefix = request.names().topicPrefix();
    return tableNames(request.spec()).stream()
        .map(n -> TopicNames.dataChange(prefix, n.schema(), n.table()))
        .toList();
  }

  /**
   * @param missing tables dropped at the source: their topics stay, nothing else is planned for
   *     them (no catalog to read; their ClickHouse tables are left as they are)
   */
  static Planned plan(
      PostgresConnections postgres,
      SourceEndpoint endpoint,
      PipelineRequest request,
      java.util.Set<TableName> missing)
      throws PlanException {
    PipelineNames names = request.names();
    CdcPipelineSpec spec = request.spec();
    Map<String, String> topicConfig = topicConfig(spec.getTopics(), names);
    Optional<Short> rf =
        Optional.ofNullable(request.environment().getKafka().getReplicationFactor())
            .map(Integer::shortValue);
    List<TopicSpec> topics = new ArrayList<>();
    List<TablePlan> plans = new ArrayList<>();
    List<WorkerConfigRenderer.WorkerTable> workers = new ArrayList<>();
    List<String> excludes = new ArrayList<>();
    Map<String, String> topicOwner = new HashMap<>();
    try (Connection pg = postgres.open(endpoint)) {
      for (TableSpec t : spec.getSource().getTables()) {
        TableName name = TableName.parse(t.getName());
        String topic = TopicNames.dataChange(names.topicPrefix(), name.schema(), name.table());
        String other = topicOwner.putIfAbsent(topic, name.toString());
        if (other != null) {
          throw new PlanException(
              "TopicCollision",
              "%s and %s would share topic %s (Debezium replaces characters outside [A-Za-z0-9._-]"
                      .formatted(other, name, topic)
                  + " with '_'): capture one of them in another pipeline");
        }
        topics.add(new TopicSpec(topic, spec.getTopics().getPartitions(), rf, topicConfig));
        if (missing.contains(name)) {
          continue;
        }
        SourceCatalogCheck.TableReport report =
            SourceCatalogCheck.check(
                name.toString(),
                PgCatalogReader.columns(pg, name.schema(), name.table()),
                PgCatalogReader.primaryKey(pg, name.schema(), name.table()),
                Map.of());
        List<ColumnSpec> columns = new ArrayList<>();
        Map<String, String> mapped = new LinkedHashMap<>(report.clickhouseColumns());
        t.getExcludeColumns().forEach(mapped::remove);
        mapped.forEach((c, type) -> columns.add(new ColumnSpec(c, type)));
        List<String> keys = report.keyColumns();
        List<String> orderBy = t.getOrderBy().isEmpty() ? keys : t.getOrderBy();
        if (!orderBy.containsAll(keys)) {
          throw new PlanException(
              "OrderByMissesKey",
              "%s: orderBy %s must contain the primary key %s, or rows would collapse"
                  .formatted(name, orderBy, keys));
        }
        if (keys.isEmpty()) {
          // REPLICA IDENTITY FULL without a key: every column identifies the row
          keys = columns.stream().map(ColumnSpec::name).toList();
          orderBy = t.getOrderBy().isEmpty() ? keys : orderBy;
        } else if (!keys.containsAll(orderBy)) {
          keys = sortingKeyWithFullIdentity(pg, name, keys, orderBy);
        }
        TablePlan plan =
            new TablePlan(
                spec.getClickhouse().getDatabase(),
                targetName(t),
                columns,
                orderBy,
                t.getPartitionBy(),
                t.getTtl());
        plans.add(plan);
        workers.add(new WorkerConfigRenderer.WorkerTable(topic, plan, keys));
        excludes.addAll(report.connectorColumnExcludes());
      }
    } catch (SQLException e) {
      throw new PlanException(
          "SourceCatalogUnreadable", "cannot read the source catalog: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new PlanException("InvalidTable", e.getMessage());
    }
    Map<String, String> dlqConfig =
        new HashMap<>(PipelineEvents.forPipeline(names).sizeLimit().topicConfig());
    dlqConfig.put("cleanup.policy", "delete");
    topics.add(new TopicSpec(names.deadLetterTopic(), 1, rf, dlqConfig));
    // Debezium reads signals from a single partition; both topics are small and expire
    Map<String, String> bookkeeping = Map.of("cleanup.policy", "delete");
    topics.add(new TopicSpec(names.signalTopic(), 1, rf, bookkeeping));
    topics.add(new TopicSpec(names.notificationTopic(), 1, rf, bookkeeping));
    return new Planned(
        topics,
        plans,
        workers,
        excludes.isEmpty() ? Optional.empty() : Optional.of(String.join(",", excludes)));
  }

  /**
   * ClickHouse collapses the versions of a row by its ORDER BY, so an {@code orderBy} with columns
   * beyond the primary key makes those columns part of the row's identity there. Two things then
   * need the whole old row, which PostgreSQL only sends with REPLICA IDENTITY FULL: a delete (with
   * the default identity its event has the key alone, the other sorting columns would get their
   * defaults and the tombstone would land under another sorting key, leaving the row live), and an
   * update that changes a sorting column (the worker turns it into a delete of the old image and a
   * write of the new one, as for a key change: it needs the old image). The worker is given the
   * sorting key as its key columns for that.
   */
  private static List<String> sortingKeyWithFullIdentity(
      Connection pg, TableName name, List<String> keys, List<String> orderBy)
      throws SQLException, PlanException {
    char identity = PgCatalogReader.replicaIdentity(pg, name.schema(), name.table());
    if (identity != 'f') {
      List<String> extra = orderBy.stream().filter(c -> !keys.contains(c)).toList();
      throw new PlanException(
          "ReplicaIdentityFullRequired",
          ("%s: orderBy %s has columns beyond the primary key %s (%s), so ClickHouse identifies a"
                  + " row by them too, and its deletes and the updates of those columns need the"
                  + " whole old row. Run ALTER TABLE %s REPLICA IDENTITY FULL; or leave them out"
                  + " of orderBy")
              .formatted(name, orderBy, keys, String.join(", ", extra), name.quoted()));
    }
    return orderBy;
  }

  private static Map<String, String> topicConfig(TopicSettings t, PipelineNames names) {
    Map<String, String> c =
        new HashMap<>(PipelineEvents.forPipeline(names).sizeLimit().topicConfig());
    c.put(
        "cleanup.policy",
        switch (t.getCleanupPolicy()) {
          case COMPACT -> "compact";
          case DELETE -> "delete";
          case COMPACT_DELETE -> "compact,delete";
        });
    if (t.getRetentionMs() != null) {
      c.put("retention.ms", Long.toString(t.getRetentionMs()));
    }
    return c;
  }
}
