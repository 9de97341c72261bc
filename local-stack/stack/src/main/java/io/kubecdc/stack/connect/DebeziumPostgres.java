package io.kubecdc.stack.connect;

import io.kubecdc.stack.StackEndpoints;
import java.util.Map;

/** Debezium PostgreSQL connector configs against the local stack, for tests and the demo. */
public final class DebeziumPostgres {
  private DebeziumPostgres() {}

  /**
   * A pgoutput connector streaming {@code table} (schema-qualified) into topics under {@code
   * prefix}, with its own slot and publication named {@code prefix}. The password is a config
   * provider reference: Connect reads it from the stack's secret file.
   */
  public static Map<String, String> config(StackEndpoints ep, String prefix, String table) {
    return Map.ofEntries(
        Map.entry("connector.class", "io.debezium.connector.postgresql.PostgresConnector"),
        Map.entry("database.hostname", ep.postgresHost()),
        Map.entry("database.port", Integer.toString(ep.postgresPort())),
        Map.entry("database.user", ep.postgresUser()),
        Map.entry("database.password", ep.postgresPasswordReference()),
        Map.entry("database.dbname", "postgres"),
        Map.entry("plugin.name", "pgoutput"),
        Map.entry("slot.name", prefix),
        Map.entry("publication.name", prefix),
        Map.entry("publication.autocreate.mode", "filtered"),
        Map.entry("topic.prefix", prefix),
        Map.entry("table.include.list", table),
        // Debezium's default poll interval adds 500 ms of latency
        Map.entry("poll.interval.ms", "20"));
  }
}
