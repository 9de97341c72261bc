package io.kubecdc.sink.config;

import io.kubecdc.contract.ToastPlaceholder;
import java.util.List;

/**
 * The whole sink-worker configuration, read from one YAML file (mounted from a ConfigMap). Holds no
 * secret: passwords and JAAS settings come from {@link WorkerEnvironment}. Absent optional sections
 * take their defaults here; {@link ConfigValidator} checks the rest.
 */
public record SinkConfig(
    KafkaConfig kafka,
    ClickHouseConfig clickhouse,
    List<TableConfig> tables,
    BatchConfig batch,
    String deadLetterTopic,
    DeadLetterLimit deadLetterLimit,
    TruncatePolicy truncate,
    HttpConfig http,
    String toastPlaceholder,
    HealthConfig health) {

  /**
   * Debezium's default placeholder for unchanged TOASTed values, for configs written by hand next
   * to a connector that does not set {@code unavailable.value.placeholder}. The operator sets both
   * to the pipeline's own ({@link io.kubecdc.contract.PipelineEvents}).
   */
  public static final String DEFAULT_TOAST_PLACEHOLDER = ToastPlaceholder.DEBEZIUM_DEFAULT;

  public SinkConfig {
    tables = tables == null ? List.of() : List.copyOf(tables);
    batch = batch == null ? BatchConfig.DEFAULTS : batch;
    deadLetterLimit = deadLetterLimit == null ? DeadLetterLimit.DEFAULTS : deadLetterLimit;
    truncate = truncate == null ? TruncatePolicy.DELETE : truncate;
    http = http == null ? HttpConfig.DEFAULTS : http;
    toastPlaceholder = toastPlaceholder == null ? DEFAULT_TOAST_PLACEHOLDER : toastPlaceholder;
    health = health == null ? HealthConfig.DEFAULTS : health;
  }

  /** The table a topic feeds, or null. */
  public TableConfig tableForTopic(String topic) {
    return tables.stream().filter(t -> t.topic().equals(topic)).findFirst().orElse(null);
  }

  public List<String> topics() {
    return tables.stream().map(TableConfig::topic).toList();
  }
}
