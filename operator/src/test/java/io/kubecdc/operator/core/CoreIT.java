package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.DeletionPolicy;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole core on the real local stack: a two-table pipeline reconciled into topics, tables and a
 * running connector; the worker run from the rendered config; changes in PostgreSQL equal in
 * ClickHouse; then the teardown leaves no slot, publication, topic or table behind.
 */
@LocalStackTest
class CoreIT {
  private final StackEndpoints stack;
  private final String id = "core" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  @TempDir Path dir;

  CoreIT(StackEndpoints stack) {
    this.stack = stack;
  }

  private PipelineRequest request() {
    CdcPipelineSpec spec = pipeline().spec(List.of("customers", "\"Order Items\""));
    spec.getSource().getTables().get(0).getExcludeColumns().add("secret_note");
    spec.getDeletionPolicy().setTables(DeletionPolicy.Action.DELETE);
    spec.getDeletionPolicy().setTopics(DeletionPolicy.Action.DELETE);
    return pipeline().request(spec);
  }

  private StackPipeline pipeline() {
    return new StackPipeline(stack, dir, id);
  }

  @Test
  void shouldRunAPipelineFromTheRequestAloneAndRemoveEverythingAfterwards() throws Exception {
    pg("CREATE SCHEMA " + id);
    pg("CREATE TABLE " + id + ".customers (id int PRIMARY KEY, name text, secret_note text)");
    pg(
        "CREATE TABLE "
            + id
            + ".\"Order Items\" (id bigint PRIMARY KEY, customer_id int, amount numeric(10,2))");
    pg("INSERT INTO " + id + ".customers VALUES (1, 'Ada', 'x'), (2, 'Grace', 'y')");
    pg("INSERT INTO " + id + ".\"Order Items\" VALUES (10, 1, 9.99)");
    DefaultPipelineCore core = pipeline().core();
    PipelineRequest request = request();

    CoreResult r = StackPipeline.reconcileUntilRunning(core, request);
    for (Part p : List.of(Part.SOURCE, Part.TOPICS, Part.TABLES, Part.CONNECTOR)) {
      PartState s = r.observation().parts().get(p);
      assertThat(s.health()).as(p + ": " + s.message()).isEqualTo(Health.READY);
    }
    assertThat(r.tables())
        .extracting(t -> t.getTopic())
        .containsExactly(
            "it." + id + "." + id + ".customers", "it." + id + "." + id + ".Order_Items");
    assertThat(r.workerConfig())
        .hasValueSatisfying(
            y ->
                assertThat(y)
                    .doesNotContain(stack.clickhousePassword())
                    .doesNotContain(stack.postgresPassword()));
    assertThat(r.slot())
        .hasValueSatisfying(s -> assertThat(s.getName()).isEqualTo("kubecdc_it_" + id));

    Process worker = pipeline().startWorker(r.workerConfig().orElseThrow());
    try (ClientV2Gateway ch = pipeline().clickhouse()) {
      pg("INSERT INTO " + id + ".customers VALUES (3, 'Linus', 'z')");
      pg("UPDATE " + id + ".customers SET name = 'Ada L.' WHERE id = 1");
      pg("DELETE FROM " + id + ".customers WHERE id = 2");
      pg("INSERT INTO " + id + ".\"Order Items\" VALUES (11, 3, 100.50)");
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                assertThat(
                        rows(
                            ch,
                            "SELECT id, name FROM `"
                                + id
                                + "`.`customers` FINAL WHERE _deleted = 0 ORDER BY id"))
                    .containsExactly("1|Ada L.", "3|Linus");
                assertThat(
                        rows(
                            ch,
                            "SELECT id, amount FROM `"
                                + id
                                + "`.`Order Items` FINAL WHERE _deleted = 0 ORDER BY id"))
                    .containsExactly("10|9.99", "11|100.50");
              });
      assertThat(ch.columns(id, "customers"))
          .extracting(c -> c.name())
          .containsExactly("id", "name");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  core.reconcile(request).tables().stream()
                      .allMatch(t -> t.getLag() != null && t.getLag() == 0));
    } finally {
      worker.destroy();
      worker.waitFor(60, TimeUnit.SECONDS);
    }

    TeardownResult down = core.teardown(request);
    assertThat(down.leftovers()).isEmpty();
    assertThat(count("pg_replication_slots WHERE slot_name = 'kubecdc_it_" + id + "'")).isZero();
    assertThat(count("pg_publication WHERE pubname = 'kubecdc_it_" + id + "'")).isZero();
    try (ClientV2Gateway ch = pipeline().clickhouse()) {
      assertThat(rows(ch, "SELECT count() FROM system.tables WHERE database = '" + id + "'"))
          .containsExactly("0");
      ch.execute("DROP DATABASE IF EXISTS `" + id + "`");
    }
    pg("DROP SCHEMA " + id + " CASCADE");
  }

  private static List<String> rows(ClientV2Gateway ch, String sql) {
    return StackPipeline.rows(ch, sql);
  }

  private void pg(String sql) throws Exception {
    pipeline().pg(sql);
  }

  private int count(String from) throws Exception {
    return pipeline().count(from);
  }
}
