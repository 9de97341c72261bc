package io.kubecdc.operator.standalone;

import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.contract.ClickHouseIdentifiers;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.clickhouse.ClickHouseClients;
import io.kubecdc.operator.core.PipelineRequest;
import io.kubecdc.operator.core.TablePlans;
import io.kubecdc.operator.postgres.PostgresConnections;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@link RowCounts} by SQL: {@code count(*)} in PostgreSQL and the live rows in ClickHouse ({@code
 * FINAL}, without the deleted ones), as the replacing engine will show them after merges. A side
 * that cannot be counted (not reachable, table not there yet) is empty rather than an error: the
 * conditions say why.
 */
final class SqlRowCounts implements RowCounts {
  private final PostgresConnections postgres = PostgresConnections.defaults();

  @Override
  public List<Counts> count(PipelineRequest request) {
    List<TableSpec> tables = request.spec().getSource().getTables();
    List<OptionalLong> source = source(request, tables);
    List<OptionalLong> target = clickhouse(request, tables);
    List<Counts> out = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      out.add(new Counts(source.get(i), target.get(i)));
    }
    return out;
  }

  private List<OptionalLong> source(PipelineRequest request, List<TableSpec> tables) {
    List<OptionalLong> out = new ArrayList<>();
    try (Connection c = postgres.open(request.sourceEndpoint());
        Statement s = c.createStatement()) {
      for (TableSpec t : tables) {
        out.add(count(s, "SELECT count(*) FROM " + TableName.parse(t.getName()).quoted()));
      }
    } catch (SQLException unreachable) {
      while (out.size() < tables.size()) {
        out.add(OptionalLong.empty());
      }
    }
    return out;
  }

  private static OptionalLong count(Statement s, String sql) {
    try (ResultSet r = s.executeQuery(sql)) {
      return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
    } catch (SQLException e) {
      return OptionalLong.empty();
    }
  }

  private static List<OptionalLong> clickhouse(PipelineRequest request, List<TableSpec> tables) {
    String database = ClickHouseIdentifiers.quote(request.spec().getClickhouse().getDatabase());
    var cred = request.secrets().clickhouse();
    List<OptionalLong> out = new ArrayList<>();
    try (ClientV2Gateway ch =
        ClickHouseClients.open(
            request.environment().getClickhouse().getUrl(), cred.user(), cred.password())) {
      for (TableSpec t : tables) {
        String table = database + "." + ClickHouseIdentifiers.quote(TablePlans.targetName(t));
        out.add(clickhouseCount(ch, "SELECT count() FROM " + table + " FINAL WHERE _deleted = 0"));
      }
    } catch (RuntimeException unreachable) {
      while (out.size() < tables.size()) {
        out.add(OptionalLong.empty());
      }
    }
    return out;
  }

  private static OptionalLong clickhouseCount(ClientV2Gateway ch, String sql) {
    try {
      Object v = ch.select(sql).get(0).values().iterator().next();
      return OptionalLong.of(Long.parseLong(String.valueOf(v)));
    } catch (RuntimeException tableNotThereYet) {
      return OptionalLong.empty();
    }
  }
}
