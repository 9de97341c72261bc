package io.kubecdc.operator.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubecdc.api.crd.v1alpha1.KafkaConnection;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the operator asks Debezium to backfill a table added to a running pipeline: an {@code
 * execute-snapshot} signal of type {@code incremental} on the pipeline's Kafka signal topic.
 *
 * <p>Why this channel and mode: a Kafka topic lets the operator send without writing into the
 * user's database, and with {@code read.only=true} (PostgreSQL 13 or later) Debezium takes its
 * chunk watermarks from transaction ids ({@code pg_current_snapshot()}) instead of inserts into a
 * signal table, so the source needs no extra schema, table, publication member or INSERT grant. The
 * {@code source} channel is switched off for the same reason. Progress comes back on the
 * notification topic ({@code sink} channel), which is how status tells Snapshotting from Streaming,
 * even after an operator restart.
 */
public final class SnapshotSignals {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotSignals.class);
  private static final Pattern SAFE_PART = Pattern.compile("[^\\s.]+");

  private SnapshotSignals() {}

  /** The connector settings for the signal and notification channels of this pipeline. */
  public static Map<String, String> connectorSettings(PipelineNames names, KafkaConnection kafka) {
    Map<String, String> c = new TreeMap<>();
    c.put("read.only", "true");
    c.put("signal.enabled.channels", "kafka");
    c.put("signal.kafka.topic", names.signalTopic());
    c.put("signal.kafka.groupId", names.signalGroup());
    c.put("signal.kafka.bootstrap.servers", kafka.getBootstrapServers());
    // the reader's consumer takes one protocol step per poll (find the coordinator, the committed
    // offset, fetch): at Debezium's default of 5 s a signal waited about 20 s after a restart
    c.put("signal.poll.interval.ms", "1000");
    // the signal reader is a consumer of its own: it needs the same client settings (TLS, SASL
    // mechanism) as every other Kafka client of the pipeline; they hold no secret (CEL rule)
    kafka.getClientProperties().forEach((k, v) -> c.put("signal.consumer." + k, v));
    c.put("notification.enabled.channels", "sink");
    c.put("notification.sink.topic.name", names.notificationTopic());
    return c;
  }

  /**
   * The value of the signal record (its key must be the connector's {@code topic.prefix}), naming
   * the tables as {@link #dataCollection(TableName)} does.
   */
  public static String executeSnapshot(String id, List<TableName> tables) {
    Map<String, Object> signal =
        Map.of(
            "id",
            id,
            "type",
            "execute-snapshot",
            "data",
            Map.of(
                "type",
                "incremental",
                "data-collections",
                tables.stream().map(SnapshotSignals::dataCollection).toList()));
    try {
      return JSON.writeValueAsString(signal);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
  }

  /**
   * A table as a signal names it. Debezium matches each entry as a regex against its {@code
   * schema.table} identifiers, then parses what matched back into a table id, and that parser
   * rejects an unquoted name with a space ("Unable to parse table identifier", and the table is
   * silently skipped). The quoted form {@code "schema"."table"} matches no identifier, so Debezium
   * parses it as it is, which works for every name, provided it compiles as a regex: with an
   * unbalanced bracket or a trailing backslash it does not, and the exact-match regex is sent
   * instead, which works for names without spaces.
   */
  static String dataCollection(TableName t) {
    String quoted = t.quoted();
    try {
      Pattern.compile(quoted);
      return quoted;
    } catch (PatternSyntaxException e) {
      LOG.warn(
          "event=backfill_name_fallback table=\"{}\" reason=\"the quoted name is not a regex\"", t);
      return ConnectorConfig.tableRegex(t);
    }
  }

  /**
   * Whether Debezium 3.7 can take an incremental snapshot of the table and survive a restart during
   * it. It keeps the tables of a running snapshot in its offsets as unquoted {@code schema.table}
   * and parses them back at the task's start: a name with a space fails to parse (the task then
   * fails at every start until its offsets are reset) and one with a dot parses as another table.
   */
  public static boolean backfillable(TableName t) {
    return SAFE_PART.matcher(t.schema()).matches() && SAFE_PART.matcher(t.table()).matches();
  }

  /** The table a {@link #dataCollection(TableName)} entry names; empty for other entries. */
  public static Optional<TableName> tableOf(String dataCollection) {
    if (!dataCollection.startsWith("\"")) {
      return ConnectorConfig.tableOf(dataCollection);
    }
    try {
      return Optional.of(TableName.parse(dataCollection));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
