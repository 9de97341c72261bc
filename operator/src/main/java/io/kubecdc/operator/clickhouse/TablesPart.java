package io.kubecdc.operator.clickhouse;

import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.clickhouse.ClickHouseRejectedException;
import io.kubecdc.sink.clickhouse.ClickHouseSystematicException;
import io.kubecdc.sink.clickhouse.ClickHouseUnavailableException;
import io.kubecdc.sink.clickhouse.SqlLiterals;
import io.kubecdc.sink.table.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tables part: the database and one table per source table, created from the source catalog
 * before the connector starts. An existing table gets the source columns it lacks (the same {@code
 * ADD COLUMN IF NOT EXISTS} with the same type the worker uses for schema evolution, so the two
 * never fight); other differences are sorted by {@link SchemaDrift}: a widening is the worker's,
 * anything else is reported as {@code IncompatibleSchemaChange} and never applied: rebuilding a
 * table is what raising {@code checkpoint.version} is for.
 */
public final class TablesPart {
  private final ClickHouseGateway clickhouse;

  public TablesPart(ClickHouseGateway clickhouse) {
    this.clickhouse = clickhouse;
  }

  public PartState ensure(String database, String cluster, List<TablePlan> plans) {
    try {
      clickhouse.execute(TableDdl.createDatabase(database, cluster));
      List<String> created = new ArrayList<>();
      List<String> grown = new ArrayList<>();
      List<String> pending = new ArrayList<>();
      List<String> incompatible = new ArrayList<>();
      for (TablePlan p : plans) {
        if (!exists(p)) {
          clickhouse.execute(TableDdl.createTable(p, cluster));
          created.add(p.table());
          continue;
        }
        List<ColumnSpec> existing = clickhouse.columns(p.database(), p.table());
        SchemaDrift drift = SchemaDrift.compare(p, existing);
        if (!drift.missing().isEmpty()) {
          clickhouse.execute(TableDdl.addColumns(p, existing, drift.missing(), cluster));
          grown.add(p.table() + " (" + names(drift.missing(), ColumnSpec::name) + ")");
        }
        drift.pending().forEach(d -> pending.add(p.table() + "." + d));
        drift.incompatible().forEach(d -> incompatible.add(p.table() + "." + d));
      }
      if (!incompatible.isEmpty()) {
        return new PartState(
            Part.TABLES,
            Health.DEGRADED,
            "IncompatibleSchemaChange",
            "the source changed in a way ClickHouse cannot follow in place: "
                + String.join("; ", incompatible)
                + ". Rows go on streaming; a value that does not fit its column goes to the"
                + " dead-letter topic (status.tables[].deadLetters); raise spec.checkpoint.version"
                + " to rebuild the table(s)");
      }
      StringBuilder m = new StringBuilder(plans.size() + " table(s) in " + database);
      if (!created.isEmpty()) {
        m.append("; created: ").append(String.join(", ", created));
      }
      if (!grown.isEmpty()) {
        m.append("; columns added: ").append(String.join(", ", grown));
      }
      if (!pending.isEmpty()) {
        m.append("; widened by the sink-worker at the first row of the new type: ")
            .append(String.join(", ", pending));
      }
      return PartState.ready(Part.TABLES, "TablesReady", m.toString());
    } catch (RuntimeException e) {
      return failure(e);
    }
  }

  /**
   * The tables part's state for a failed ClickHouse call (also of the generations' views); an
   * unexpected exception is rethrown for the driver to retry.
   */
  public static PartState failure(RuntimeException e) {
    if (e instanceof ClickHouseUnavailableException) {
      return PartState.failed(Part.TABLES, "ClickHouseUnreachable", e.getMessage());
    }
    if (e instanceof ClickHouseSystematicException s) {
      return PartState.failed(Part.TABLES, reason(s.code()), e.getMessage());
    }
    if (e instanceof ClickHouseRejectedException) {
      return PartState.failed(Part.TABLES, "TableDefinitionRejected", e.getMessage());
    }
    throw e;
  }

  private boolean exists(TablePlan p) {
    var rows =
        clickhouse.select(
            "EXISTS TABLE "
                + SqlLiterals.identifier(p.database())
                + "."
                + SqlLiterals.identifier(p.table()));
    return !rows.isEmpty() && "1".equals(String.valueOf(rows.get(0).values().iterator().next()));
  }

  private static String reason(int code) {
    return switch (code) {
      case 192, 193, 194, 516 -> "ClickHouseAuthenticationFailed";
      case 497 -> "ClickHouseAccessDenied";
      default -> "TableDefinitionRejected";
    };
  }

  private static <T> String names(List<T> items, Function<T, String> name) {
    return items.stream().map(name).collect(Collectors.joining(", "));
  }
}
