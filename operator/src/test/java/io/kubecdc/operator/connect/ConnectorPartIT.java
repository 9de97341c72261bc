package io.kubecdc.operator.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.contract.EventShape;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.stack.FreePorts;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.connect.ConnectorTeardown;
import io.kubecdc.stack.connect.DebeziumPostgres;
import io.kubecdc.stack.junit.LocalStackTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connector part against the real Kafka Connect with Debezium of the local stack. */
@LocalStackTest
class ConnectorPartIT {
  private final StackEndpoints stack;
  private final String id = "conn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final ConnectClient client;
  private final ConnectorPart part;

  ConnectorPartIT(StackEndpoints stack) throws Exception {
    this.stack = stack;
    this.client = ConnectClient.of(stack.connectUrl());
    this.part =
        new ConnectorPart(
            client,
            new RestartBackoff(
                Duration.ofSeconds(1), Duration.ofSeconds(5), java.time.Clock.systemUTC()));
    sql("CREATE SCHEMA " + id);
    sql("CREATE TABLE " + id + ".orders (id bigint PRIMARY KEY, note text)");
  }

  @AfterEach
  void cleanUp() throws Exception {
    ConnectorTeardown.remove(stack, id, id);
    sql("DROP SCHEMA " + id + " CASCADE");
  }

  private Map<String, String> config() {
    Map<String, String> c = new HashMap<>(DebeziumPostgres.config(stack, id, id + ".orders"));
    c.putAll(EventShape.connectorSettings());
    return c;
  }

  private PartState until(Map<String, String> config, boolean paused, String reason) {
    AtomicReference<PartState> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              last.set(part.ensure(id, config, paused).state());
              assertThat(last.get().reason()).isEqualTo(reason);
            });
    return last.get();
  }

  @Test
  void shouldCreateRunPauseResumeAndUpdateTheConnector() {
    PartState first = part.ensure(id, config(), false).state();
    assertThat(first.health()).isEqualTo(Health.PROGRESSING);

    PartState running = until(config(), false, "ConnectorRunning");
    assertThat(running.message()).contains("1/1 task(s) running");

    until(config(), true, "ConnectorPaused");
    assertThat(client.status(id))
        .hasValueSatisfying(s -> assertThat(s.state()).isEqualTo("PAUSED"));
    until(config(), false, "ConnectorRunning");

    Map<String, String> changed = config();
    changed.put("heartbeat.interval.ms", "5000");
    part.ensure(id, changed, false);
    assertThat(client.config(id))
        .hasValueSatisfying(c -> assertThat(c).containsEntry("heartbeat.interval.ms", "5000"));
    until(changed, false, "ConnectorRunning");
  }

  @Test
  void shouldStopTheConnectorBeforeSignallingAndSignalAnAddedTableOnce() throws Exception {
    sql("CREATE TABLE " + id + ".items (id bigint PRIMARY KEY)");
    TableName orders = new TableName(id, "orders");
    TableName items = new TableName(id, "items");
    Map<String, String> one = capturing(orders);
    until(one, false, "ConnectorRunning");
    Map<String, String> two = capturing(orders, items);

    List<String> stateWhenSending = new ArrayList<>();
    Backfill failing =
        new Backfill(
            client,
            (signal, value) -> {
              stateWhenSending.add(client.status(id).orElseThrow().state());
              throw new IllegalStateException("kafka is down");
            },
            Duration.ofSeconds(30));
    PartState failed = part.ensure(id, two, false, Optional.of(failing)).state();
    assertThat(failed.reason()).isEqualTo("BackfillSignalFailed");
    assertThat(failed.message()).contains("kafka is down", items.toString());
    assertThat(stateWhenSending).containsExactly("STOPPED");
    assertThat(client.config(id))
        .hasValueSatisfying(
            c -> assertThat(c.get("table.include.list")).isEqualTo(one.get("table.include.list")));

    List<String> sent = new ArrayList<>();
    Backfill working =
        new Backfill(client, (signal, value) -> sent.add(value), Duration.ofSeconds(30));
    ConnectorPart.Result added = part.ensure(id, two, false, Optional.of(working));
    assertThat(added.changes().added()).containsExactly(items);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0))
        .contains("execute-snapshot")
        .contains(items.table())
        .doesNotContain("orders");
    assertThat(client.config(id))
        .hasValueSatisfying(
            c -> assertThat(c.get("table.include.list")).isEqualTo(two.get("table.include.list")));
    until(two, false, "ConnectorRunning");
    part.ensure(id, two, false, Optional.of(working));
    assertThat(sent).as("signalled once").hasSize(1);
  }

  @Test
  void shouldCaptureATableWhoseNameDebeziumCannotSnapshotLaterWithoutSignalling() throws Exception {
    sql("CREATE TABLE " + id + ".\"Order Items\" (id bigint PRIMARY KEY)");
    TableName orders = new TableName(id, "orders");
    TableName spaced = new TableName(id, "Order Items");
    until(capturing(orders), false, "ConnectorRunning");
    Map<String, String> two = capturing(orders, spaced);
    List<String> sent = new ArrayList<>();
    Backfill recording =
        new Backfill(client, (signal, value) -> sent.add(value), Duration.ofSeconds(30));

    PartState state = part.ensure(id, two, false, Optional.of(recording)).state();

    assertThat(state.health()).isEqualTo(Health.DEGRADED);
    assertThat(state.reason()).isEqualTo("BackfillNotPossible");
    assertThat(state.message()).contains("Order Items", "pipeline of its own");
    assertThat(sent).isEmpty();
    assertThat(client.config(id))
        .hasValueSatisfying(
            c -> assertThat(c.get("table.include.list")).isEqualTo(two.get("table.include.list")));
    until(two, false, "ConnectorRunning");
  }

  private Map<String, String> capturing(TableName... tables) {
    Map<String, String> c = config();
    c.put(
        "table.include.list",
        java.util.Arrays.stream(tables)
            .map(ConnectorConfig::tableRegex)
            .collect(java.util.stream.Collectors.joining(",")));
    return c;
  }

  @Test
  void shouldShowWhyConnectRefusedTheConfigWithoutTheSecret() {
    Map<String, String> wrong = config();
    wrong.put("database.password", "not-the-password");

    PartState refused = part.ensure(id, wrong, false).state();

    assertThat(refused.reason()).isEqualTo("ConnectorConfigRejected");
    assertThat(refused.message()).contains("password authentication failed");
    assertThat(refused.message()).doesNotContain("not-the-password");
  }

  @Test
  void shouldShowTheRootCauseOfAFailedTaskAndKeepRestartingIt() {
    // accepted by Connect's validation, fails in the task: the server has no such output plugin
    Map<String, String> broken = config();
    broken.put("plugin.name", "decoderbufs");

    PartState failed = until(broken, false, "ConnectorTaskFailed");

    assertThat(failed.health()).isEqualTo(Health.FAILED);
    assertThat(failed.message()).contains("decoderbufs").contains("restarted");
    ConnectorTeardown.remove(stack, id, id);
    until(config(), false, "ConnectorRunning");
  }

  @Test
  void shouldSayWhenConnectIsUnreachable() throws Exception {
    int closed = FreePorts.any();
    var nowhere =
        new ConnectorPart(
            ConnectClient.of("http://127.0.0.1:" + closed), RestartBackoff.defaults());
    assertThat(nowhere.ensure(id, config(), false).state().reason())
        .isEqualTo("ConnectUnreachable");
  }

  private void sql(String statement) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
