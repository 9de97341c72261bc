package io.kubecdc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubecdc.operator.cli.KubecdcCommand;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as bin/demo runs it: {@code kubecdc run --once} on the example of
 * examples/local against the real stack, through a snapshot and then changes in every table, ends
 * with ClickHouse equal to PostgreSQL value for value; {@code kubecdc delete} then leaves no slot,
 * publication or table behind.
 */
@LocalStackTest
class StandaloneRunIT {
  @TempDir Path state;

  @Test
  void shouldCatchUpWithRunOnceAndLeaveNothingAfterDelete(StackEndpoints stack) throws Exception {
    Path repoRoot = Path.of("").toAbsolutePath().getParent();
    Path worker = repoRoot.resolve("sink-worker/target");
    String workerClassPath =
        worker.resolve("classes") + File.pathSeparator + worker.resolve("lib") + "/*";
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    boolean equal =
        ShopDemo.run(
            stack,
            repoRoot,
            state,
            workerClassPath,
            new PrintStream(out, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    assertThat(equal).as(printed).isTrue();
    assertThat(printed)
        .contains("shop.orders (1400 rows): ClickHouse equals PostgreSQL")
        .contains("shop.customers (200 rows): ClickHouse equals PostgreSQL")
        .contains("column added in ClickHouse: coupon Nullable(String)")
        .contains("caught up: ClickHouse holds every row of PostgreSQL, no lag")
        .contains("SinkReady       True    WorkerReady")
        .doesNotContain(stack.postgresPassword())
        .doesNotContain(stack.clickhousePassword());

    Path pipelineState = state.resolve("dev.shop");
    assertThat(Files.getPosixFilePermissions(pipelineState.resolve("clickhouse-password")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(pipelineState.resolve("clickhouse-password")))
        .isEqualTo(stack.clickhousePassword());
    assertThat(Files.readString(pipelineState.resolve("sink.yaml")))
        .contains("passwordFile: \"" + pipelineState.resolve("clickhouse-password") + "\"")
        .doesNotContain(stack.clickhousePassword());

    assertStatusOfTheRun();
    assertDbtSourcesOfTheRun(stack);

    LocalExample example = LocalExample.render(repoRoot, stack, state);
    ByteArrayOutputStream deleted = new ByteArrayOutputStream();
    int exit =
        KubecdcCommand.execute(
            new PrintStream(deleted, true, StandardCharsets.UTF_8),
            System.err,
            example.args("delete", List.of()));
    assertThat(exit).as(deleted.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(deleted.toString(StandardCharsets.UTF_8))
        .contains("dropped slot kubecdc_dev_shop and publication kubecdc_dev_shop")
        .doesNotContain("LEFT BEHIND");
    try (Connection pg = ShopData.postgres(stack)) {
      assertThat(count(pg, "pg_replication_slots WHERE slot_name = 'kubecdc_dev_shop'")).isZero();
      assertThat(count(pg, "pg_publication WHERE pubname = 'kubecdc_dev_shop'")).isZero();
    }
    try (Connection ch = ShopData.clickhouse(stack)) {
      assertThat(count(ch, "system.tables WHERE database = 'shop'")).isZero();
    }
  }

  /**
   * {@code kubecdc status --state-dir}, from another shell after the run: Ready, caught up, so
   * fresh (0 s) however long ago the last change was.
   */
  private void assertStatusOfTheRun() {
    String table = kubecdc("status", "--state-dir", state.toString());
    System.out.println(table);
    assertThat(table.lines().skip(1))
        .singleElement()
        .asString()
        .containsPattern("^dev +shop +sha256:[0-9a-f]{16} +True/\\w+ +Streaming +3/3 +0 +0s +1$");
  }

  /**
   * {@code kubecdc dbt-sources --state-dir}: the real ClickHouse's columns, including the one the
   * source gained during the demo, as the worker config of the run names ClickHouse.
   */
  private void assertDbtSourcesOfTheRun(StackEndpoints stack) throws Exception {
    String yaml = kubecdc("dbt-sources", "shop", "--state-dir", state.toString());
    assertThat(yaml)
        .contains("columns from ClickHouse system.columns at " + stack.clickhouseUrl())
        .doesNotContain(stack.clickhousePassword());
    JsonNode tables = new YAMLMapper().readTree(yaml).path("sources").get(0).path("tables");
    List<String> names = new java.util.ArrayList<>();
    tables.forEach(t -> names.add(t.path("name").asText()));
    assertThat(names).containsExactly("customers", "orders", "order_items");
    List<String> orderColumns = new java.util.ArrayList<>();
    tables.get(1).path("columns").forEach(c -> orderColumns.add(c.path("name").asText()));
    assertThat(orderColumns).contains("coupon", "_version", "_deleted");
  }

  /** What a command printed; it must exit 0. */
  private static String kubecdc(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        KubecdcCommand.execute(
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err, args);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(printed).isZero();
    return printed;
  }

  private static long count(Connection c, String from) throws Exception {
    try (ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM " + from)) {
      r.next();
      return r.getLong(1);
    }
  }
}
