package io.kubecdc.operator.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.kubecdc.api.crd.v1alpha1.BatchSettings;
import io.kubecdc.contract.PipelineEvents;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.operator.clickhouse.TablePlan;
import io.kubecdc.sink.table.ColumnSpec;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the sink-worker's YAML for a pipeline: the consumer group of the checkpoint generation,
 * one entry per table with the topic Debezium writes and the columns the operator created, the
 * batching from the spec, the dead-letter topic, and the TOAST placeholder and event size limit
 * from the same {@link PipelineEvents} as the connector config. No secret: the ClickHouse password
 * is a file the driver mounts at {@code passwordFile}. The worker's own loader validates the result
 * in the tests, so the two sides cannot drift apart.
 */
public final class WorkerConfigRenderer {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

  private final String passwordFile;

  /**
   * @param passwordFile where the driver makes the ClickHouse password readable for the worker
   */
  public WorkerConfigRenderer(String passwordFile) {
    this.passwordFile = passwordFile;
  }

  /**
   * One table: the topic, the plan the tables part created, the source key columns, and the columns
   * the source no longer has that the topic's older events still carry (the worker leaves them
   * out).
   */
  public record WorkerTable(
      String topic, TablePlan plan, List<String> keyColumns, List<String> droppedColumns) {
    public WorkerTable(String topic, TablePlan plan, List<String> keyColumns) {
      this(topic, plan, keyColumns, List.of());
    }

    public WorkerTable {
      droppedColumns = droppedColumns == null ? List.of() : List.copyOf(droppedColumns);
    }
  }

  public String render(PipelineRequest request, List<WorkerTable> tables) {
    return render(request, request.spec().getCheckpoint().getVersion(), tables);
  }

  /** The config of checkpoint generation {@code version}: its consumer group, its tables. */
  public String render(PipelineRequest request, int version, List<WorkerTable> tables) {
    PipelineNames names = request.names();
    PipelineEvents events = PipelineEvents.forPipeline(names);
    Map<String, Object> kafka = new LinkedHashMap<>();
    kafka.put("bootstrapServers", request.environment().getKafka().getBootstrapServers());
    kafka.put("groupId", names.consumerGroup(version));
    kafka.put("clientProperties", request.environment().getKafka().getClientProperties());
    kafka.put("maxEventBytes", events.sizeLimit().maxEventBytes());
    Map<String, Object> clickhouse = new LinkedHashMap<>();
    clickhouse.put("url", request.environment().getClickhouse().getUrl());
    clickhouse.put("user", request.secrets().clickhouse().user());
    clickhouse.put("passwordFile", passwordFile);
    List<Object> entries = new ArrayList<>();
    for (WorkerTable t : tables) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("topic", t.topic());
      e.put("database", t.plan().database());
      e.put("table", t.plan().table());
      e.put("keyColumns", t.keyColumns());
      List<Object> columns = new ArrayList<>();
      for (ColumnSpec c : t.plan().columns()) {
        columns.add(Map.of("name", c.name(), "type", c.type()));
      }
      e.put("columns", columns);
      if (!t.droppedColumns().isEmpty()) {
        e.put("droppedColumns", t.droppedColumns());
      }
      entries.add(e);
    }
    BatchSettings b = request.spec().getSink().getBatch();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("kafka", kafka);
    root.put("clickhouse", clickhouse);
    root.put("tables", entries);
    root.put(
        "batch",
        Map.of(
            "maxRows",
            b.getMaxRows(),
            "maxBytes",
            b.getMaxBytes(),
            "maxDelayMs",
            b.getMaxDelayMs()));
    root.put("deadLetterTopic", names.deadLetterTopic());
    root.put("toastPlaceholder", events.toastPlaceholder());
    try {
      return YAML.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
