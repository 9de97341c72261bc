package io.kubecdc.contract;

/**
 * The Kafka topic Debezium writes a table's change events to, computed the way Debezium's default
 * topic naming strategy does: {@code <topicPrefix>.<schema>.<table>}, where every character outside
 * {@code [A-Za-z0-9._-]} (a space, a quote, a non-ASCII letter) becomes {@code _}, one per UTF-16
 * unit (verified against the real connector by the sink-worker's IdentifiersE2EIT). The sink-worker
 * maps topics to tables by configuration, so whoever renders that configuration (the operator) must
 * name the topic exactly as Debezium will; the ClickHouse table keeps the source name unchanged.
 * Two tables whose names differ only in replaced characters share one topic: {@link #collide} tells
 * the operator to refuse such a pipeline.
 */
public final class TopicNames {
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

  /** Per UTF-16 unit, as Debezium does: a character outside the BMP (an emoji) becomes "__". */
  private static String sanitize(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(valid(c) ? c : '_');
    }
    return out.toString();
  }

  private static boolean valid(char c) {
    return c == '.'
        || c == '_'
        || c == '-'
        || (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9');
  }
}
