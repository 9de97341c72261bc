package io.kubecdc.stack.demo;

import io.kubecdc.stack.LocalStack;
import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.connect.ConnectRest;
import io.kubecdc.stack.connect.DebeziumPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The smoke pipeline of the README, by hand until the operator exists: a PostgreSQL table, a
 * Debezium connector registered through Connect's REST API, its Kafka topic, and the change events
 * applied to a ClickHouse ReplacingMergeTree(_version, _deleted) table; then source and target are
 * compared. Exit code 0 when they are equal.
 */
public final class SmokePipeline {
  static final String CONNECTOR = "demo.smoke";
  static final String SLOT = "demo_smoke";
  static final String TOPIC = "demo_smoke.public.orders";

  private SmokePipeline() {}

  public static void main(String[] args) throws Exception {
    boolean equal = run(new LocalStack(StackConfig.load(Map.of())).endpoints());
    System.exit(equal ? 0 : 1);
  }

  /** Runs the pipeline once against a running stack; true when ClickHouse equals PostgreSQL. */
  public static boolean run(StackEndpoints ep) throws Exception {
    ConnectRest connect = new ConnectRest(ep.connectUrl());
    try (Connection pg = postgres(ep);
        Connection ch = clickhouse(ep)) {
      SmokeSteps steps = new SmokeSteps(pg, ch);
      steps.resetSource(connect, ep.kafkaBootstrap(), TOPIC);
      say("1. PostgreSQL: table public.orders with 3 rows");
      // a fresh start: no offsets left from an earlier run under the same connector name
      connect.createStopped(CONNECTOR, connectorConfig(ep));
      connect.resetOffsets(CONNECTOR);
      connect.resume(CONNECTOR);
      say("2. Debezium connector '" + CONNECTOR + "' registered (password by reference only)");
      steps.awaitRunning(connect);
      steps.changeSource();
      say("3. PostgreSQL: 1 insert, 1 update, 1 delete");
      int applied = steps.applyEvents(ep.kafkaBootstrap(), TOPIC, 7);
      say("4. Kafka -> ClickHouse: " + applied + " change events applied to demo.orders");
      List<String> source = steps.sourceRows();
      List<String> target = steps.targetRows();
      say("5. PostgreSQL : " + source);
      say("   ClickHouse : " + target + "  (SELECT ... FINAL)");
      connect.deleteWithOffsets(CONNECTOR);
      steps.dropSlot();
      if (!source.equals(target)) {
        say("FAILED: ClickHouse differs from PostgreSQL");
        return false;
      }
      say("OK: ClickHouse equals PostgreSQL. Stop the stack with: bin/stack down");
      return true;
    }
  }

  static Map<String, String> connectorConfig(StackEndpoints ep) {
    return DebeziumPostgres.config(ep, SLOT, "public.orders");
  }

  private static Connection postgres(StackEndpoints ep) throws SQLException {
    return DriverManager.getConnection(
        ep.postgresJdbcUrl(), ep.postgresUser(), ep.postgresPassword());
  }

  private static Connection clickhouse(StackEndpoints ep) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", ep.clickhouseUser());
    p.setProperty("password", ep.clickhousePassword());
    return DriverManager.getConnection("jdbc:clickhouse:" + ep.clickhouseUrl() + "/default", p);
  }

  static void say(String line) {
    System.out.println(line);
  }
}
