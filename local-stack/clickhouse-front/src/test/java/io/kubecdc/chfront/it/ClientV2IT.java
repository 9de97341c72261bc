package io.kubecdc.chfront.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.CompressionMethod;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.data.ClickHouseFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class ClientV2IT {
  private static Client client;

  @BeforeAll
  static void connect() throws Exception {
    client = SharedFront.clientBuilder().build();
    client.execute("CREATE DATABASE IF NOT EXISTS v2_it").join().close();
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @Test
  void shouldInsertAMillionRowBinaryRowsAndReadExactSums() throws Exception {
    client
        .execute(
            "CREATE TABLE v2_it.payments (id UInt64, amount Decimal(18, 4), name String)"
                + " ENGINE = MergeTree ORDER BY id")
        .join()
        .close();
    int rows = 1_000_000;
    ByteArrayOutputStream body = new ByteArrayOutputStream(rows * 30);
    BigInteger idSum = BigInteger.ZERO;
    long amountUnits = 0;
    long nameBytes = 0;
    for (long id = 1; id <= rows; id++) {
      long units = (id * 7919) % 10_000_000 - 5_000_000; // Decimal(18,4) as scaled Int64
      byte[] name = ("customer-" + id + (id % 3 == 0 ? "-é" : "")).getBytes(StandardCharsets.UTF_8);
      writeLong(body, id);
      writeLong(body, units);
      body.write(name.length); // < 128: one-byte LEB128
      body.write(name, 0, name.length);
      idSum = idSum.add(BigInteger.valueOf(id));
      amountUnits += units;
      nameBytes += name.length;
    }

    long start = System.nanoTime();
    try (InsertResponse response =
        client
            .insert(
                "v2_it.payments",
                new ByteArrayInputStream(body.toByteArray()),
                ClickHouseFormat.RowBinary)
            .get(5, TimeUnit.MINUTES)) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "1M-row RowBinary insert (%d MiB) took %d ms; test JVM RSS %s%n",
          body.size() >> 20, millis, Rss.ofSelf());
      assertThat(response.getWrittenRows()).isEqualTo(rows);
    }

    List<GenericRecord> result =
        client.queryAll(
            "SELECT count() AS n, sum(id) AS ids, sum(amount) AS amounts,"
                + " sum(length(name)) AS name_bytes FROM v2_it.payments");
    GenericRecord r = result.get(0);
    assertThat(r.getLong("n")).isEqualTo(rows);
    assertThat(r.getBigInteger("ids")).isEqualTo(idSum);
    assertThat(r.getBigDecimal("amounts")).isEqualByComparingTo(BigDecimal.valueOf(amountUnits, 4));
    assertThat(r.getLong("name_bytes")).isEqualTo(nameBytes);
  }

  @Test
  void shouldInsertJsonEachRowAndBindQueryParameters() throws Exception {
    client
        .execute(
            "CREATE TABLE v2_it.events (id UInt64, kind String) ENGINE = MergeTree ORDER BY id")
        .join()
        .close();
    String json =
        "{\"id\":1,\"kind\":\"a\"}\n{\"id\":2,\"kind\":\"b\"}\n{\"id\":3,\"kind\":\"c\"}\n";
    try (InsertResponse response =
        client
            .insert(
                "v2_it.events",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                ClickHouseFormat.JSONEachRow)
            .get(1, TimeUnit.MINUTES)) {
      assertThat(response.getWrittenRows()).isEqualTo(3);
    }
    List<GenericRecord> rows =
        client.queryAll(
            "SELECT kind FROM v2_it.events WHERE id >= {p:UInt64} ORDER BY id",
            Map.<String, Object>of("p", 2));
    assertThat(rows).extracting(row -> row.getString("kind")).containsExactly("b", "c");
  }

  @Test
  void shouldRaiseServerExceptionsWithTheRealCodesAndKeepServing() {
    assertThat(serverError(() -> client.query("SELEC 1").get()).getCode()).isEqualTo(62);
    assertThat(serverError(() -> client.queryAll("SELECT * FROM v2_it.no_such_table")).getCode())
        .isEqualTo(60);
    assertThat(serverError(() -> client.execute("DROP TABLE no_such_db.t").get()).getCode())
        .isEqualTo(81);
    assertThat(client.queryAll("SELECT 1 AS one").get(0).getLong("one")).isEqualTo(1);
  }

  /** The driver's ServerException, which queryAll and futures wrap. */
  static ServerException serverError(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ServerException se) {
        return se;
      }
    }
    throw new AssertionError("expected a ServerException, got " + thrown, thrown);
  }

  @Test
  void shouldAcceptCompressedRequestsAndSettingsFromTheClient() throws Exception {
    try (Client compressing =
        SharedFront.clientBuilder()
            .compressClientRequest(true)
            .compressionMethod(CompressionMethod.LZ4)
            .serverSetting("max_block_size", "1234")
            .build()) {
      List<GenericRecord> rows =
          compressing.queryAll(
              "SELECT getSetting('max_block_size') AS t, repeat('x', 100000) AS big");
      assertThat(rows.get(0).getLong("t")).isEqualTo(1234);
      assertThat(rows.get(0).getString("big")).hasSize(100_000);
    }
    assertThat(client.queryAll("SELECT getSetting('max_block_size') AS t").get(0).getLong("t"))
        .isNotEqualTo(1234);
  }

  private static void writeLong(ByteArrayOutputStream out, long v) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (v >>> (8 * i)) & 0xff);
    }
  }
}
