package io.kubecdc.sink.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.data.ClickHouseFormat;
import io.kubecdc.sink.config.ClickHouseConfig;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link ClickHouseGateway} over the ClickHouse Java client v2 (HTTP). Thread-safe. Every call is
 * bounded by the configured timeouts (connect, then socket silence, execution and the wait for the
 * answer), so that no thread waits for a server that is gone; the ping has its own short bound.
 */
public final class ClientV2Gateway implements ClickHouseGateway {
  private final Client client;
  private final long requestTimeoutMs;
  private final long pingTimeoutMs;

  public ClientV2Gateway(ClickHouseConfig config, String password, Duration pingTimeout) {
    this.requestTimeoutMs = config.requestTimeoutMs();
    this.pingTimeoutMs = pingTimeout.toMillis();
    this.client =
        new Client.Builder()
            .addEndpoint(config.url())
            .setUsername(config.user())
            .setPassword(password)
            .setConnectTimeout(config.connectTimeoutMs(), ChronoUnit.MILLIS)
            .setConnectionRequestTimeout(config.connectTimeoutMs(), ChronoUnit.MILLIS)
            .setSocketTimeout(requestTimeoutMs, ChronoUnit.MILLIS)
            .setExecutionTimeout(requestTimeoutMs, ChronoUnit.MILLIS)
            .setMaxRetries(0) // the sink retries with its own backoff
            .build();
  }

  @Override
  public void execute(String sql) {
    try {
      client.execute(sql).get(requestTimeoutMs, TimeUnit.MILLISECONDS).close();
    } catch (Exception e) {
      throw ClickHouseErrors.classify("statement", e);
    }
  }

  @Override
  public List<ColumnSpec> columns(String database, String table) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (Map<String, Object> row :
        select(
            "SELECT name, type FROM system.columns WHERE database = "
                + SqlLiterals.quote(database)
                + " AND table = "
                + SqlLiterals.quote(table)
                + " ORDER BY position")) {
      String name = (String) row.get("name");
      if (!name.equals(TableLayout.VERSION) && !name.equals(TableLayout.DELETED)) {
        columns.add(new ColumnSpec(name, (String) row.get("type")));
      }
    }
    return columns;
  }

  @Override
  public long insert(TableLayout layout, Body body) {
    // the client writes the names into the statement as they are: quote them here
    List<String> names = new ArrayList<>();
    layout.columns().forEach(c -> names.add(SqlLiterals.identifier(c.name())));
    names.add(SqlLiterals.identifier(TableLayout.VERSION));
    names.add(SqlLiterals.identifier(TableLayout.DELETED));
    try (InsertResponse response =
        client
            .insert(
                layout.qualifiedName(),
                names,
                body::writeTo,
                ClickHouseFormat.RowBinary,
                new InsertSettings())
            .get(requestTimeoutMs, TimeUnit.MILLISECONDS)) {
      return response.getWrittenRows();
    } catch (Exception e) {
      throw ClickHouseErrors.classify("insert into " + layout.qualifiedName(), e);
    }
  }

  @Override
  public List<Map<String, Object>> select(String sql) {
    try {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (GenericRecord record : client.queryAll(sql)) {
        Map<String, Object> row = new LinkedHashMap<>();
        record
            .getSchema()
            .getColumns()
            .forEach(c -> row.put(c.getColumnName(), record.getObject(c.getColumnName())));
        rows.add(row);
      }
      return rows;
    } catch (Exception e) {
      throw ClickHouseErrors.classify("query", e);
    }
  }

  @Override
  public boolean ping() {
    return client.ping(pingTimeoutMs);
  }

  @Override
  public void close() {
    client.close();
  }
}
