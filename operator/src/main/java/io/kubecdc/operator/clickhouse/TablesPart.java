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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tables part: the database and one table per source table, created from the source catalog
 * before the connector starts. An existing table gets the source columns it lacks (the same {@code
 * ADD COLUMN IF NOT EXISTS} with the same type the worker uses for schema evolution, so the two
 * never fight); a column whose type differs is reported, never altered in place: rebuilding a table
 * is what raising {@code checkpoint.version} is for.
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
      List<String> differ = new ArrayList<>();
      for (TablePlan p : plans) {
        if (!exists(p)) {
          clickhouse.execute(TableDdl.createTable(p, cluster));
          created.add(p.table());
          continue;
        }
        List<ColumnSpec> existing = clickhouse.columns(p.database(), p.table());
        Map<String, String> have =
            existing.stream()
                .collect(Collectors.toMap(ColumnSpec::name, ColumnSpec::type, (a, b) -> a));
        List<ColumnSpec> missing =
            p.columns().stream().filter(c -> !have.containsKey(c.name())).toList();
        if (!missing.isEmpty()) {
          clickhouse.execute(TableDdl.addColumns(p, existing, missing, cluster));
          grown.add(p.table() + " (" + names(missing, ColumnSpec::name) + ")");
        }
        for (ColumnSpec c : p.columns()) {
          String actual = have.get(c.name());
          if (actual != null && !actual.equals(c.type())) {
            differ.add(
                "%s.%s is %s in ClickHouse, the source maps to %s"
                    .formatted(p.table(), c.name(), actual, c.type()));
          }
        }
      }
      if (!differ.isEmpty()) {
        return new PartState(
            Part.TABLES,
            Health.DEGRADED,
            "ColumnTypeDiffers",
            String.join("; ", differ)
                + ": values are converted on insert; raise spec.checkpoint.version to rebuild");
      }
      StringBuilder m = new StringBuilder(plans.size() + " table(s) in " + database);
      if (!created.isEmpty()) {
        m.append("; created: ").append(String.join(", ", created));
      }
      if (!grown.isEmpty()) {
        m.append("; columns added: ").append(String.join(", ", grown));
      }
      return PartState.ready(Part.TABLES, "TablesReady", m.toString());
    } catch (ClickHouseUnavailableException e) {
      return PartState.failed(Part.TABLES, "ClickHouseUnreachable", e.getMessage());
    } catch (ClickHouseSystematicException e) {
      return PartState.failed(Part.TABLES, reason(e.code()), e.getMessage());
    } catch (ClickHouseRejectedException e) {
      return PartState.failed(Part.TABLES, "TableDefinitionRejected", e.getMessage());
    }
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
