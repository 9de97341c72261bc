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
 * A table ordered in ClickHouse by more than its primary key ({@code orderBy: [order_id, id]}, as
 * the e-commerce example does): with the default replica identity a delete carried only {@code id},
 * the tombstone landed under {@code order_id = 0} and the deleted row stayed live. The pipeline is
 * now refused until the table has REPLICA IDENTITY FULL; then deletes and a change of {@code
 * order_id} arrive exactly.
 */
@LocalStackTest
class SortingKeyIT {
  private final StackEndpoints stack;
  private final String id = "sort" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  @TempDir Path dir;

  SortingKeyIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldRequireTheFullOldRowAndThenDeleteAndMoveRowsExactly() throws Exception {
    StackPipeline p = new StackPipeline(stack, dir, id);
    p.pg("CREATE SCHEMA " + id);
    p.pg(
        "CREATE TABLE " + id + ".items (id bigint PRIMARY KEY, order_id bigint NOT NULL, qty int)");
    p.pg("INSERT INTO " + id + ".items VALUES (1, 10, 1), (2, 10, 2), (3, 20, 3)");
    CdcPipelineSpec spec = p.spec(List.of("items"));
    spec.getSource().getTables().get(0).getOrderBy().addAll(List.of("order_id", "id"));
    spec.getDeletionPolicy().setTables(DeletionPolicy.Action.DELETE);
    spec.getDeletionPolicy().setTopics(DeletionPolicy.Action.DELETE);
    PipelineRequest request = p.request(spec);
    DefaultPipelineCore core = p.core();

    PartState refused = core.reconcile(request).observation().parts().get(Part.SOURCE);
    assertThat(refused.health()).isEqualTo(Health.FAILED);
    assertThat(refused.reason()).isEqualTo("ReplicaIdentityFullRequired");
    assertThat(refused.message())
        .contains("order_id")
        .contains("ALTER TABLE \"" + id + "\".\"items\" REPLICA IDENTITY FULL;");

    p.pg("ALTER TABLE " + id + ".items REPLICA IDENTITY FULL");
    CoreResult r = StackPipeline.reconcileUntilRunning(core, request);
    assertThat(r.workerConfig()).hasValueSatisfying(y -> assertThat(y).contains("order_id"));
    Process worker = p.startWorker(r.workerConfig().orElseThrow());
    try (ClientV2Gateway ch = p.clickhouse()) {
      String live =
          "SELECT id, order_id, qty FROM `" + id + "`.`items` FINAL WHERE _deleted = 0 ORDER BY id";
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () ->
                  assertThat(StackPipeline.rows(ch, live))
                      .containsExactly("1|10|1", "2|10|2", "3|20|3"));
      p.pg("DELETE FROM " + id + ".items WHERE id = 2");
      p.pg("UPDATE " + id + ".items SET order_id = 30 WHERE id = 3");
      p.pg("UPDATE " + id + ".items SET qty = 5 WHERE id = 1");
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> assertThat(StackPipeline.rows(ch, live)).containsExactly("1|10|5", "3|30|3"));
    } finally {
      worker.destroy();
      worker.waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(core.teardown(request).leftovers()).isEmpty();
    try (ClientV2Gateway ch = p.clickhouse()) {
      ch.execute("DROP DATABASE IF EXISTS `" + id + "`");
    }
    p.pg("DROP SCHEMA " + id + " CASCADE");
  }
}
