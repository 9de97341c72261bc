package io.kubecdc.demo;

import io.kubecdc.operator.cli.KubecdcCommand;
import io.kubecdc.stack.LocalStack;
import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.StackEndpoints;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The README's first command: the example pipeline {@code examples/local} run by {@code kubecdc
 * run}, the operator's core without a cluster, on the local stack. It seeds the source, waits for
 * the snapshot with {@code run --once}, changes every table (inserts, updates, deletes, a column
 * added) and runs {@code run --once} again, then compares ClickHouse with PostgreSQL value for
 * value. Exit code 0 when they are equal. The pipeline stays in place for a look around; {@code
 * kubecdc delete} with the same files removes it.
 */
public final class ShopDemo {
  private ShopDemo() {}

  public static void main(String[] args) throws Exception {
    StackConfig config = StackConfig.load(Map.of());
    Path state = config.home().resolve("kubecdc");
    KubecdcCommand.logToStateDir();
    System.setProperty("kubecdc.logFile", state.resolve("kubecdc.log").toString());
    LocalStack stack = new LocalStack(config);
    boolean equal = run(stack.endpoints(), config.layout().repoRoot(), state, null, System.out);
    System.exit(equal ? 0 : 1);
  }

  /**
   * Runs the demo against a running stack; true when ClickHouse equals PostgreSQL after both runs.
   *
   * @param workerClassPath where the sink-worker runs from; null: the class path of this JVM
   */
  public static boolean run(
      StackEndpoints ep, Path repoRoot, Path state, String workerClassPath, PrintStream out)
      throws Exception {
    LocalExample example = LocalExample.render(repoRoot, ep, state);
    // any free port for the run's /metrics: the demo must not fail on a busy default port
    List<String> once =
        workerClassPath == null
            ? List.of("--once", "--timeout", "3m", "--metrics-port", "0")
            : List.of(
                "--once",
                "--timeout",
                "3m",
                "--metrics-port",
                "0",
                "--worker-classpath",
                workerClassPath);
    ShopData data = new ShopData(ep);
    out.println("== kubecdc delete: what a previous run left");
    kubecdc(out, example.args("delete", List.of()));
    data.createSource(200, 1_000);
    out.println("== PostgreSQL: schema shop, 200 customers, 1,000 orders and their lines");
    out.println("== kubecdc run --once: snapshot");
    if (kubecdc(out, example.args("run", once)) != 0) {
      return false;
    }
    data.change(500, 300, 100);
    out.println(
        "== PostgreSQL: 500 orders added, 300 updated, 100 deleted with their lines, column"
            + " orders.coupon added, some customer emails set to NULL");
    out.println("== kubecdc run --once: streaming");
    if (kubecdc(out, example.args("run", once)) != 0) {
      return false;
    }
    boolean equal = true;
    for (var t : data.differences().entrySet()) {
      List<String> diff = t.getValue();
      equal &= diff.isEmpty();
      out.println(
          "== shop."
              + t.getKey()
              + (diff.isEmpty()
                  ? ": ClickHouse equals PostgreSQL"
                  : ": ClickHouse DIFFERS, e.g. " + diff.subList(0, Math.min(3, diff.size()))));
    }
    out.println(
        "== column added in ClickHouse: coupon " + data.clickhouseColumnType("orders", "coupon"));
    out.println("   look: SELECT * FROM shop.orders FINAL WHERE _deleted = 0 LIMIT 10");
    out.println("   remove: bin/kubecdc delete " + example.options());
    return equal;
  }

  private static int kubecdc(PrintStream out, String... args) {
    return KubecdcCommand.execute(out, System.err, args);
  }
}
