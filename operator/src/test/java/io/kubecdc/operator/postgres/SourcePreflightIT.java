package io.kubecdc.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.status.Health;
import io.kubecdc.stack.FreePorts;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The source preflight against the real PostgreSQL of the local stack. */
@LocalStackTest(services = "postgres")
class SourcePreflightIT {
  private final StackEndpoints stack;
  private final String schema = "pre_" + UUID.randomUUID().toString().substring(0, 8);
  private final String role = schema + "_user";
  private final PipelineNames names = new PipelineNames("it", schema);
  private final SourcePreflight preflight =
      new SourcePreflight(PostgresConnections.defaults(), new PreflightRules(1L << 30));

  SourcePreflightIT(StackEndpoints stack) throws SQLException {
    this.stack = stack;
    sql("CREATE SCHEMA " + schema);
    sql("CREATE TABLE " + schema + ".orders (id bigint PRIMARY KEY, amount numeric(12,2))");
    sql("CREATE TABLE " + schema + ".events (at timestamptz, payload text)");
  }

  @AfterEach
  void cleanUp() throws SQLException {
    sql(
        "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
            + names.slot()
            + "'");
    sql("DROP SCHEMA " + schema + " CASCADE");
    sql("DROP ROLE IF EXISTS " + role);
  }

  private SourceEndpoint admin() {
    return new SourceEndpoint(
        stack.postgresHost(),
        stack.postgresPort(),
        "postgres",
        stack.postgresUser(),
        stack.postgresPassword(),
        "disable");
  }

  private SourceEndpoint as(String user, String password) {
    return new SourceEndpoint(
        stack.postgresHost(), stack.postgresPort(), "postgres", user, password, "disable");
  }

  private List<TableName> tables(String... names) {
    return java.util.Arrays.stream(names).map(n -> new TableName(schema, n)).toList();
  }

  @Test
  void shouldPassTheStackSourceForAKeyedTable() {
    var r = preflight.check(admin(), names, tables("orders"));
    assertThat(r.state().health()).isEqualTo(Health.READY);
    assertThat(r.state().message()).contains("wal_level = logical", "no slot yet");
  }

  @Test
  void shouldSayThePasswordIsWrong() {
    var r = preflight.check(as(stack.postgresUser(), "wrong"), names, tables("orders"));
    assertThat(r.state().reason()).isEqualTo("AuthenticationFailed");
    assertThat(r.state().message())
        .contains("postgres@127.0.0.1", "credentialsSecret")
        .doesNotContain("wrong");
  }

  @Test
  void shouldSayWhenTheSourceIsUnreachable() throws Exception {
    int closed = FreePorts.any();
    SourceEndpoint nowhere =
        new SourceEndpoint("127.0.0.1", closed, "postgres", "u", "p", "disable");
    assertThat(preflight.check(nowhere, names, tables("orders")).state().reason())
        .isEqualTo("SourceUnreachable");
  }

  @Test
  void shouldNameAMissingTable() {
    var r = preflight.check(admin(), names, tables("orders", "refunds"));
    assertThat(r.state().reason()).isEqualTo("TableNotFound");
    assertThat(r.state().message()).contains(schema + ".refunds").doesNotContain(".orders");
  }

  @Test
  void shouldRefuseATableWithoutKeyUntilItsReplicaIdentityIsFull() throws SQLException {
    var r = preflight.check(admin(), names, tables("orders", "events"));
    assertThat(r.state().reason()).isEqualTo("TableWithoutKey");
    assertThat(r.state().message())
        .contains("ALTER TABLE \"" + schema + "\".\"events\" REPLICA IDENTITY FULL;");

    sql("ALTER TABLE " + schema + ".events REPLICA IDENTITY FULL");
    assertThat(preflight.check(admin(), names, tables("orders", "events")).state().health())
        .isEqualTo(Health.READY);
  }

  @Test
  void shouldExplainTheMissingPrivilegesOfAPlainUser() throws SQLException {
    sql("CREATE ROLE " + role + " LOGIN PASSWORD 'pw-" + role + "'");
    SourceEndpoint plain = as(role, "pw-" + role);
    assertThat(preflight.check(plain, names, tables("orders")).state().reason())
        .isEqualTo("MissingReplicationPrivilege");

    sql("ALTER ROLE " + role + " WITH REPLICATION");
    sql("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
    assertThat(preflight.check(plain, names, tables("orders")).state().reason())
        .isEqualTo("MissingSelectPrivilege");

    sql("GRANT SELECT ON " + schema + ".orders TO " + role);
    var r = preflight.check(plain, names, tables("orders"));
    assertThat(r.state().reason()).isEqualTo("CannotCreatePublication");
    assertThat(r.state().message()).contains("CREATE PUBLICATION \"" + names.publication() + "\"");

    sql("CREATE PUBLICATION " + names.publication() + " FOR TABLE " + schema + ".orders");
    try {
      assertThat(preflight.check(plain, names, tables("orders")).state().health())
          .isEqualTo(Health.READY);
    } finally {
      sql("DROP PUBLICATION " + names.publication());
    }
  }

  @Test
  void shouldReportTheSlotAndWarnWhenItHoldsTooMuchWal() throws SQLException {
    sql("SELECT pg_create_logical_replication_slot('" + names.slot() + "', 'pgoutput')");
    var r = preflight.check(admin(), names, tables("orders"));
    assertThat(r.slot())
        .hasValueSatisfying(
            s -> {
              assertThat(s.active()).isFalse();
              assertThat(s.plugin()).isEqualTo("pgoutput");
              assertThat(s.retainedWalBytes()).isGreaterThanOrEqualTo(0);
            });
    assertThat(r.state().message()).contains("slot " + names.slot() + " inactive");

    sql(
        "CREATE TABLE "
            + schema
            + ".filler AS SELECT g, repeat('x', 500) AS t"
            + " FROM generate_series(1, 20000) g");
    var strict = new SourcePreflight(PostgresConnections.defaults(), new PreflightRules(1024));
    var warned = strict.check(admin(), names, tables("orders"));
    assertThat(warned.state().health()).isEqualTo(Health.DEGRADED);
    assertThat(warned.state().reason()).isEqualTo("SlotWalGrowing");
  }

  private void sql(String statement) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
