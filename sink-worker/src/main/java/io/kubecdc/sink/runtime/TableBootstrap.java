package io.kubecdc.sink.runtime;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.clickhouse.SqlLiterals;
import io.kubecdc.sink.codec.SchemaStatements;
import io.kubecdc.sink.config.TableConfig;
import io.kubecdc.sink.retry.Retrier;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a target table exists ({@code CREATE TABLE IF NOT EXISTS}) and returns its layout as
 * ClickHouse has it, so that columns added by earlier schema evolution survive restarts.
 */
final class TableBootstrap {
  private static final Logger log = LoggerFactory.getLogger(TableBootstrap.class);

  private final ClickHouseGateway gateway;
  private final SchemaStatements schema;
  private final Retrier retrier;

  TableBootstrap(ClickHouseGateway gateway, SchemaStatements schema, Retrier retrier) {
    this.gateway = gateway;
    this.schema = schema;
    this.retrier = retrier;
  }

  TableLayout ensure(TableConfig table) {
    TableLayout initial = table.initialLayout();
    String label = table.qualifiedName();
    retrier.run(
        "create database " + table.database(),
        () ->
            gateway.execute(
                "CREATE DATABASE IF NOT EXISTS " + SqlLiterals.identifier(table.database())));
    retrier.run("create table " + label, () -> gateway.execute(schema.createTable(initial)));
    List<ColumnSpec> actual =
        retrier.call(
            "read columns of " + label, () -> gateway.columns(table.database(), table.table()));
    if (actual.isEmpty()) {
      throw new IllegalStateException("table " + label + " has no data columns after CREATE");
    }
    TableLayout layout = table.withChoices(actual);
    log.info("event=table_ready table={} columns={}", label, actual.size());
    return layout;
  }
}
