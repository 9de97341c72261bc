package io.kubecdc.contract;

import java.util.regex.Pattern;

/**
 * The Kafka topic Debezium writes a table's change events to, computed the way Debezium's default
 * topic naming strategy does: {@code <topicPrefix>.<schema>.<table>}, where every character outside
 * {@code [A-Za-z0-9._-]} (a space, a quote, a non-ASCII letter) becomes {@code _}. The sink-worker
 * maps topics to tables by configuration, so whoever renders that configuration (the operator) must
 * name the topic exactly as Debezium will; the ClickHouse table keeps the source name unchanged.
 * Two tables whose names differ only in replaced characters share one topic: {@link #collide} tells
 * the operator to refuse such a pipeline.
 */
public final class TopicNames {
  private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9._-]");

  private TopicNames() {}

  /** The data change topic of {@code schema.table} under {@code topicPrefix}. */
  public static String dataChange(String topicPrefix, String schema, String table) {
    return sanitize(topicPrefix + "." + schema + "." + table);
  }

  /** True when two source tables would write to the same topic. */
  public static boolean collide(
      String topicPrefix, String schema1, String table1, String schema2, String table2) {
    return dataChange(topicPrefix, schema1, table1)
        .equals(dataChange(topicPrefix, schema2, table2));
  }

  private static String sanitize(String name) {
    return INVALID.matcher(name).replaceAll("_");
  }
}
