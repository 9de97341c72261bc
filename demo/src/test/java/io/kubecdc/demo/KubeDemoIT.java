package io.kubecdc.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/kube-demo} as a newcomer runs it, against the real local stack with its Kubernetes API
 * server: the e-commerce pipeline goes Ready under the chart's RBAC, the worker runs as a local
 * process of the dev-kubelet, ClickHouse equals PostgreSQL value for value, a change made
 * afterwards arrives through that worker, and {@code --down} stops every process the script started
 * and removes the pipeline's slot, its namespace and the demo's databases.
 */
@LocalStackTest(services = {"postgres", "kafka", "connect", "clickhouse", "kube"})
class KubeDemoIT {
  private static final Duration SCRIPT_LIMIT = Duration.ofMinutes(6);
  private static final Pattern WORKER =
      Pattern.compile(
          "no kubelet here: running the sink-worker of Deployment demo/shop-sink as local process"
              + " pid (\\d+)");
  private static final Pattern OPERATOR =
      Pattern.compile("operator started as local process pid (\\d+)");
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void shouldRunTheExampleOnTheLocalApiServerAndCleanUp(StackEndpoints stack) throws Exception {
    boolean cleaned = false;
    try {
      String up = script(stack, "up", "--no-build", "--timeout", "240");
      assertThat(up)
          .contains("the operator acts as system:serviceaccount:kubecdc-system:kubecdc")
          .containsPattern("(?m)^demo\\s+shop\\s+True\\s+Streaming\\s+4/4\\s+0\\s+0\\s+1\\s")
          .containsPattern("(?m)^orders\\s+2000\\s+2000$")
          .doesNotContain(stack.postgresPassword())
          .doesNotContain(stack.clickhousePassword());
      long worker = pid(WORKER, up);
      long operator = pid(OPERATOR, up);
      assertThat(alive(worker)).as("worker pid %d", worker).isTrue();
      assertThat(differences(stack)).allSatisfy((table, diff) -> assertThat(diff).isEmpty());
      try (Connection ch = ShopData.clickhouse(stack)) {
        assertThat(
                ShopData.rows(
                    ch,
                    "SELECT name FROM system.columns WHERE database = 'shop'"
                        + " AND table = 'customers'"))
            .as("excludeColumns: [email]")
            .contains("name|")
            .doesNotContain("email|");
      }

      try (Connection pg = shop(stack);
          Statement s = pg.createStatement()) {
        s.execute("UPDATE orders SET status = 'refunded', total = total + 0.01 WHERE id <= 5");
        s.execute("UPDATE order_items SET quantity = quantity + 10 WHERE id <= 3");
        s.execute(
            "INSERT INTO products (sku, title, price, attributes) VALUES"
                + " ('SKU-NEW', 'Lamp', 49.50, '{\"color\": \"white\"}'),"
                + " ('SKU-GONE', 'Chair', 10.00, NULL)");
        s.execute("DELETE FROM products WHERE sku = 'SKU-GONE'");
        // order_items is ordered by [order_id, id] in ClickHouse (REPLICA IDENTITY FULL in the
        // seed): a delete and a move to another order must leave no row under the old key
        s.execute("DELETE FROM order_items WHERE id IN (4, 5)");
        s.execute("UPDATE order_items SET order_id = order_id + 1 WHERE id = 6");
      }
      await("changes in ClickHouse")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () ->
                  assertThat(differences(stack))
                      .allSatisfy((table, diff) -> assertThat(diff).isEmpty()));

      String down = script(stack, "down", "--down");
      cleaned = true;
      assertThat(down)
          .contains("stopped dev-kubelet")
          .contains("stopped operator (pid " + operator + ")");
      assertThat(alive(worker)).as("worker pid %d after --down", worker).isFalse();
      assertThat(alive(operator)).as("operator pid %d after --down", operator).isFalse();
      try (Connection pg = ShopData.postgres(stack)) {
        assertThat(
                ShopData.rows(
                    pg,
                    "SELECT slot_name FROM pg_replication_slots UNION ALL"
                        + " SELECT datname FROM pg_database"))
            .doesNotContain("kubecdc_demo_shop|", "shop|");
      }
      assertThat(kubectl(stack, "get", "namespaces", "-o", "name"))
          .doesNotContain("namespace/demo\n");
    } finally {
      if (!cleaned) {
        script(stack, "down-after-failure", "--down");
      }
    }
  }

  /** Runs bin/kube-demo on the test's stack, prints and returns its output; fails on exit != 0. */
  private static String script(StackEndpoints stack, String name, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("bash", ROOT.resolve("bin/kube-demo").toString()));
    command.addAll(List.of(args));
    Path log = Files.createDirectories(Path.of("target")).resolve("kube-demo-" + name + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("KUBECDC_STACK_HOME", stack.secrets().getParent().toString());
    Process p = pb.start();
    boolean ended = p.waitFor(SCRIPT_LIMIT.toSeconds(), TimeUnit.SECONDS);
    if (!ended) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println("---- bin/kube-demo " + String.join(" ", args) + "\n" + out);
    assertThat(ended).as("bin/kube-demo %s ended within %s", name, SCRIPT_LIMIT).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static String kubectl(StackEndpoints stack, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(stack.kubectl().toString(), "--kubeconfig"));
    command.add(stack.kubeconfig().toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private static long pid(Pattern pattern, String out) {
    Matcher m = pattern.matcher(out);
    assertThat(m.find()).as("%s in the output", pattern).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Per table, the rows that differ between PostgreSQL and ClickHouse (FINAL, not deleted). */
  private static Map<String, List<String>> differences(StackEndpoints stack) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (var q : QUERIES.entrySet()) {
      List<String> source;
      List<String> target;
      try (Connection pg = shop(stack)) {
        source =
            ShopData.rows(pg, "SELECT " + q.getValue()[0] + " FROM " + q.getKey() + " ORDER BY id");
      }
      try (Connection ch = ShopData.clickhouse(stack)) {
        target =
            ShopData.rows(
                ch,
                "SELECT "
                    + q.getValue()[1]
                    + " FROM shop."
                    + q.getKey()
                    + " FINAL WHERE _deleted = 0 ORDER BY id");
      }
      List<String> diff = new ArrayList<>(source);
      diff.removeAll(target);
      List<String> extra = new ArrayList<>(target);
      extra.removeAll(source);
      extra.forEach(r -> diff.add("only in ClickHouse: " + r));
      assertThat(source).as("rows of %s", q.getKey()).isNotEmpty();
      out.put(q.getKey(), diff);
    }
    return out;
  }

  /** The same values of each table in PostgreSQL and in ClickHouse; timestamps in microseconds. */
  private static final Map<String, String[]> QUERIES =
      Map.of(
          "customers",
          new String[] {
            "id, name, country, " + micros("created_at"),
            "id, name, country, toUnixTimestamp64Micro(created_at)"
          },
          "products",
          new String[] {
            "id, sku, title, price, attributes::text", "id, sku, title, price, attributes"
          },
          "orders",
          new String[] {
            "id, customer_id, status, total, " + micros("created_at"),
            "id, customer_id, status, total, toUnixTimestamp64Micro(created_at)"
          },
          "order_items",
          new String[] {
            "id, order_id, product_id, quantity, unit_price, " + micros("added_at"),
            "id, order_id, product_id, quantity, unit_price, toUnixTimestamp64Micro(added_at)"
          });

  private static String micros(String column) {
    return "(extract(epoch FROM " + column + ") * 1000000)::bigint";
  }

  private static Connection shop(StackEndpoints stack) throws SQLException {
    return DriverManager.getConnection(
        stack.postgresJdbcUrl().replace("/postgres", "/shop"),
        stack.postgresUser(),
        stack.postgresPassword());
  }
}
