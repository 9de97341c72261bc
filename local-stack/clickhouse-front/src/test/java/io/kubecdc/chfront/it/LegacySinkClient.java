package io.kubecdc.chfront.it;

import com.clickhouse.client.ClickHouseClient;
import com.clickhouse.client.ClickHouseNode;
import com.clickhouse.client.ClickHouseNodeSelector;
import com.clickhouse.client.ClickHouseProtocol;
import com.clickhouse.client.ClickHouseRequest;
import com.clickhouse.client.ClickHouseResponse;
import com.clickhouse.client.config.ClickHouseClientOption;
import com.clickhouse.config.ClickHouseOption;
import com.clickhouse.data.ClickHouseDataStreamFactory;
import com.clickhouse.data.ClickHouseFormat;
import com.clickhouse.data.ClickHousePipedOutputStream;
import com.clickhouse.data.ClickHouseRecord;
import com.clickhouse.data.format.BinaryStreamUtils;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The legacy-client calls of the ClickHouse Kafka Connect sink (its {@code ClickHouseHelperClient}
 * and {@code ClickHouseWriter}), written against the v1 API that clickhouse-java kept unchanged
 * from 0.6 to 0.11. Compiled once, then defined again in each driver's class loader by {@link
 * OlderDrivers#instantiate}, so the same calls run on every version's own HTTP client. Uses only
 * the JDK and that API, since the driver's loader sees nothing else.
 *
 * <p>Like the sink (its versions that bundle clickhouse-java 0.6), it builds a client per call with
 * its client name and the node's credentials and database from the URL, and inserts RowBinary,
 * RowBinaryWithDefaults (tables with defaults) or JSONEachRow through a piped stream that the
 * client sends as a chunked body while rows are still being written. With {@code clientPerCall}
 * false one client serves all calls, so kept-alive connections are reused.
 */
public final class LegacySinkClient implements SinkClient {
  private static final String CLIENT_NAME = "clickhouse-kafka-connect/v1.0.17";
  private static final int PING_TIMEOUT_MS = 10_000;

  private final ClickHouseNode server;
  private final ClickHouseClient shared;

  /** A function of a client, as the sink's try-with-resources blocks. */
  private interface Call<T> {
    T on(ClickHouseClient client) throws Exception;
  }

  public LegacySinkClient(String url, boolean clientPerCall) {
    this.server = ClickHouseNode.of(url, Map.of("user", "default", "password", ""));
    this.shared = clientPerCall ? null : newClient();
  }

  private static ClickHouseClient newClient() {
    Map<ClickHouseOption, Serializable> options =
        Map.of(ClickHouseClientOption.CLIENT_NAME, CLIENT_NAME);
    return ClickHouseClient.builder()
        .options(options)
        .nodeSelector(ClickHouseNodeSelector.of(ClickHouseProtocol.HTTP))
        .build();
  }

  private <T> T call(Call<T> call) throws Exception {
    if (shared != null) {
      return call.on(shared);
    }
    try (ClickHouseClient client = newClient()) {
      return call.on(client);
    }
  }

  @Override
  public boolean ping() {
    try {
      return call(client -> client.ping(server, PING_TIMEOUT_MS));
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public String version() throws Exception {
    return call(
        client -> {
          try (ClickHouseResponse r =
              client.read(server).query("SELECT VERSION()").executeAndWait()) {
            return r.firstRecord().getValue(0).asString();
          }
        });
  }

  @Override
  public List<String> tables(String database) throws Exception {
    return rows(
        String.format(
            "select database, table, count(*) as col_count from system.columns"
                + " where database = '%s' group by database, table order by table",
            database),
        ClickHouseFormat.RowBinaryWithNamesAndTypes,
        record -> record.getValue(1).asString() + ":" + record.getValue(2).asInteger());
  }

  @Override
  public List<String> columns(String database, String table) throws Exception {
    return rows(
        String.format(
            "SELECT name, type FROM system.columns WHERE table = '%s' AND database = '%s'",
            table, database),
        ClickHouseFormat.RowBinaryWithNamesAndTypes,
        record -> record.getValue(0).asString() + " " + record.getValue(1).asString());
  }

  @Override
  public List<String> describe(String database, String table) throws Exception {
    return call(
        client -> {
          List<String> rows = new ArrayList<>();
          try (ClickHouseResponse r =
              client
                  .read(server)
                  .set("describe_include_subcolumns", true)
                  .format(ClickHouseFormat.JSONEachRow)
                  .query(String.format("DESCRIBE TABLE `%s`.`%s`", database, table))
                  .executeAndWait()) {
            for (ClickHouseRecord record : r.records()) {
              rows.add(record.getValue(0).asString());
            }
          }
          return rows;
        });
  }

  @Override
  public void execute(String sql) throws Exception {
    call(
        client -> {
          client.read(server).query(sql).executeAndWait().close();
          return null;
        });
  }

  @Override
  public List<String> query(String sql) throws Exception {
    return rows(
        sql,
        ClickHouseFormat.RowBinaryWithNamesAndTypes,
        record -> {
          StringBuilder row = new StringBuilder();
          for (int i = 0; i < record.size(); i++) {
            row.append(i == 0 ? "" : "|").append(record.getValue(i).asString());
          }
          return row.toString();
        });
  }

  private interface Row {
    String of(ClickHouseRecord record);
  }

  private List<String> rows(String sql, ClickHouseFormat format, Row row) throws Exception {
    return call(
        client -> {
          List<String> rows = new ArrayList<>();
          try (ClickHouseResponse r =
              client.read(server).query(sql).format(format).executeAndWait()) {
            for (ClickHouseRecord record : r.records()) {
              rows.add(row.of(record));
            }
          }
          return rows;
        });
  }

  @Override
  public long insertRowBinary(String table, int from, int count, boolean withDefaults)
      throws Exception {
    return insert(
        table,
        withDefaults ? ClickHouseFormat.RowBinaryWithDefaults : ClickHouseFormat.RowBinary,
        stream -> {
          for (long id = from; id < from + count; id++) {
            value(stream, withDefaults);
            BinaryStreamUtils.writeUnsignedInt64(stream, id);
            value(stream, withDefaults);
            BinaryStreamUtils.writeString(
                stream, ("name-" + id + "-é").getBytes(StandardCharsets.UTF_8));
            value(stream, withDefaults);
            if (id % 2 == 0) {
              BinaryStreamUtils.writeNull(stream);
            } else {
              BinaryStreamUtils.writeNonNull(stream);
              BinaryStreamUtils.writeInt32(stream, (int) id);
            }
            if (withDefaults) {
              BinaryStreamUtils.writeNull(stream); // source: its default
              BinaryStreamUtils.writeNull(stream); // seen: its default
            }
          }
        });
  }

  /** RowBinaryWithDefaults: 0 before a value that follows (1 would mean the column's default). */
  private static void value(ClickHousePipedOutputStream stream, boolean withDefaults)
      throws IOException {
    if (withDefaults) {
      BinaryStreamUtils.writeNonNull(stream);
    }
  }

  @Override
  public long insertJson(String table, List<String> rows) throws Exception {
    return insert(
        table,
        ClickHouseFormat.JSONEachRow,
        stream -> {
          for (String json : rows) {
            BinaryStreamUtils.writeBytes(stream, json.getBytes(StandardCharsets.UTF_8));
          }
        });
  }

  private interface Rows {
    void writeTo(ClickHousePipedOutputStream stream) throws Exception;
  }

  /**
   * {@code ClickHouseWriter.doInsertRawBinary} / {@code doInsertJson}: a query id and a
   * deduplication token per batch, an 8 KiB write buffer, the rows piped while they are sent.
   */
  private long insert(String table, ClickHouseFormat format, Rows rows) throws Exception {
    return call(
        client -> {
          String queryId = UUID.randomUUID().toString();
          ClickHouseRequest.Mutation request =
              client
                  .read(server)
                  .write()
                  .table(table, queryId)
                  .format(format)
                  .set("insert_deduplication_token", queryId);
          request.option(ClickHouseClientOption.WRITE_BUFFER_SIZE, 8192);
          CompletableFuture<ClickHouseResponse> future;
          try (ClickHousePipedOutputStream stream =
              ClickHouseDataStreamFactory.getInstance()
                  .createPipedOutputStream(request.getConfig())) {
            future = request.data(stream.getInputStream()).execute();
            rows.writeTo(stream);
          }
          try (ClickHouseResponse response = future.get(1, TimeUnit.MINUTES)) {
            return response.getSummary().getWrittenRows();
          }
        });
  }

  @Override
  public void close() {
    if (shared != null) {
      shared.close();
    }
  }
}
