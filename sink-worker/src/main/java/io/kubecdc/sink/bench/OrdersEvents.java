package io.kubecdc.sink.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic Debezium change events of an {@code orders} table, byte for byte in the format Kafka's
 * JsonConverter writes with the contract's settings (schema in every record, as captured from the
 * real connector): 15 columns of mixed types, snapshot reads, inserts, updates and key-only
 * deletes.
 */
public final class OrdersEvents {
  private static final String PREFIX = "bench";
  private static final List<String> COLUMNS =
      List.of(
          "{\"type\":\"int64\",\"optional\":false,\"field\":\"id\"}",
          "{\"type\":\"int64\",\"optional\":false,\"field\":\"customer_id\"}",
          "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.data.Enum\",\"version\":1,"
              + "\"parameters\":{\"allowed\":\"new,paid,shipped,cancelled\"},\"field\":\"status\"}",
          "{\"type\":\"string\",\"optional\":false,\"field\":\"currency\"}",
          decimal("subtotal", 12, 2),
          decimal("tax", 12, 2),
          decimal("total", 12, 2),
          "{\"type\":\"int32\",\"optional\":false,\"field\":\"items\"}",
          "{\"type\":\"double\",\"optional\":true,\"field\":\"weight_kg\"}",
          "{\"type\":\"boolean\",\"optional\":false,\"field\":\"gift\"}",
          "{\"type\":\"string\",\"optional\":true,\"field\":\"note\"}",
          "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.data.Uuid\",\"version\":1,"
              + "\"field\":\"external_ref\"}",
          "{\"type\":\"int32\",\"optional\":true,\"name\":\"io.debezium.time.Date\",\"version\":1,"
              + "\"field\":\"ship_date\"}",
          "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.time.ZonedTimestamp\","
              + "\"version\":1,\"field\":\"created_at\"}",
          "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.time.ZonedTimestamp\","
              + "\"version\":1,\"field\":\"updated_at\"}");
  private static final String[] STATUS = {"new", "paid", "shipped", "cancelled"};
  private static final String[] CURRENCY = {"EUR", "USD", "GBP", "CHF"};

  private final Random random = new Random(7);
  private final String schema = schema();
  private long lsn = 90_000_000L;

  /** The topic-style name of the source table. */
  static String table() {
    return PREFIX + ".public.orders";
  }

  /** The next event: 10% snapshot reads, 55% inserts, 30% updates, 5% deletes. */
  public byte[] next() {
    int dice = random.nextInt(100);
    String op = dice < 10 ? "r" : dice < 65 ? "c" : dice < 95 ? "u" : "d";
    long id = 1 + random.nextInt(5_000_000);
    lsn += 40 + random.nextInt(400);
    String row = row(id);
    String before = op.equals("d") ? keyOnly(id) : "null";
    String after = op.equals("d") ? "null" : row;
    long ts = 1_795_258_560_000L + lsn / 1000;
    String payload =
        "{\"before\":"
            + before
            + ",\"after\":"
            + after
            + ",\"source\":{\"version\":\"3.7.0.Final\","
            + "\"connector\":\"postgresql\",\"name\":\""
            + PREFIX
            + "\",\"ts_ms\":"
            + ts
            + ",\"snapshot\":\""
            + (op.equals("r") ? "true" : "false")
            + "\",\"db\":\"postgres\","
            + "\"sequence\":\"[null,\\\""
            + lsn
            + "\\\"]\",\"ts_us\":"
            + ts * 1000
            + ",\"ts_ns\":"
            + ts * 1_000_000
            + ",\"schema\":\"public\",\"table\":\"orders\",\"txId\":"
            + lsn / 300
            + ",\"lsn\":"
            + lsn
            + ",\"xmin\":null,\"origin\":null,\"origin_lsn\":null},"
            + "\"transaction\":null,\"op\":\""
            + op
            + "\",\"ts_ms\":"
            + (ts + 12)
            + ",\"ts_us\":"
            + (ts + 12) * 1000
            + ",\"ts_ns\":"
            + (ts + 12) * 1_000_000
            + "}";
    return ("{\"schema\":" + schema + ",\"payload\":" + payload + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private String row(long id) {
    long subtotal = random.nextInt(10_000_000);
    long tax = subtotal / 5;
    Instant created =
        Instant.ofEpochSecond(
            1_700_000_000L + random.nextInt(50_000_000), random.nextInt(1_000_000) * 1000L);
    Instant updated = created.plusMillis(random.nextInt(86_400_000));
    boolean shipped = random.nextBoolean();
    return "{\"id\":"
        + id
        + ",\"customer_id\":"
        + (1 + random.nextInt(200_000))
        + ",\"status\":\""
        + STATUS[random.nextInt(STATUS.length)]
        + "\",\"currency\":\""
        + CURRENCY[random.nextInt(CURRENCY.length)]
        + "\",\"subtotal\":\""
        + base64(subtotal)
        + "\",\"tax\":\""
        + base64(tax)
        + "\",\"total\":\""
        + base64(subtotal + tax)
        + "\",\"items\":"
        + (1 + random.nextInt(20))
        + ",\"weight_kg\":"
        + (random.nextInt(10) == 0 ? "null" : Double.toString(random.nextInt(100_000) / 1000.0))
        + ",\"gift\":"
        + random.nextBoolean()
        + ",\"note\":"
        + (random.nextInt(3) == 0 ? "\"leave at the door, ring twice — merci\"" : "null")
        + ",\"external_ref\":\""
        + new UUID(random.nextLong(), random.nextLong())
        + "\",\"ship_date\":"
        + (shipped ? Long.toString(19_700 + random.nextInt(1000)) : "null")
        + ",\"created_at\":\""
        + created
        + "\",\"updated_at\":\""
        + updated
        + "\"}";
  }

  /** A delete's before image under the default replica identity, as Debezium writes it. */
  private static String keyOnly(long id) {
    return "{\"id\":"
        + id
        + ",\"customer_id\":0,\"status\":\"\",\"currency\":\"\",\"subtotal\":\"AA==\","
        + "\"tax\":\"AA==\",\"total\":\"AA==\",\"items\":0,\"weight_kg\":null,\"gift\":false,\"note\":null,"
        + "\"external_ref\":\"\",\"ship_date\":null,"
        + "\"created_at\":\"1970-01-01T00:00:00Z\",\"updated_at\":\"1970-01-01T00:00:00Z\"}";
  }

  private static String base64(long unscaled) {
    return Base64.getEncoder()
        .encodeToString(BigDecimal.valueOf(unscaled).unscaledValue().toByteArray());
  }

  private static String decimal(String name, int precision, int scale) {
    return "{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\","
        + "\"version\":1,\"parameters\":{\"scale\":\""
        + scale
        + "\",\"connect.decimal.precision\":\""
        + precision
        + "\"},\"field\":\""
        + name
        + "\"}";
  }

  private static String schema() {
    String columns = String.join(",", COLUMNS);
    String value = "\"optional\":true,\"name\":\"" + table() + ".Value\",\"field\":";
    String image = "{\"type\":\"struct\",\"fields\":[" + columns + "]," + value;
    return "{\"type\":\"struct\",\"fields\":["
        + image
        + "\"before\"},"
        + image
        + "\"after\"},"
        + SOURCE
        + "],\"optional\":false,\"name\":\""
        + table()
        + ".Envelope\",\"version\":2}";
  }

  /**
   * The source, transaction and timestamp fields exactly as the PostgreSQL connector 3.7 writes.
   */
  private static final String SOURCE =
      "{\"type\":\"struct\",\"fields\":[{\"type\":\"string\",\"optional\":false,\"field\":\"version\"},"
          + "{\"type\":\"string\",\"optional\":false,\"field\":\"connector\"},{\"type\":\"string\","
          + "\"optional\":false,\"field\":\"name\"},{\"type\":\"int64\",\"optional\":false,\"field\":"
          + "\"ts_ms\"},{\"type\":\"string\",\"optional\":true,\"name\":\"io.debezium.data.Enum\","
          + "\"version\":1,\"parameters\":{\"allowed\":\"true,first,first_in_data_collection,"
          + "last_in_data_collection,last,false,incremental\"},\"default\":\"false\",\"field\":"
          + "\"snapshot\"},{\"type\":\"string\",\"optional\":false,\"field\":\"db\"},{\"type\":"
          + "\"string\",\"optional\":true,\"field\":\"sequence\"},{\"type\":\"int64\",\"optional\":"
          + "true,\"field\":\"ts_us\"},{\"type\":\"int64\",\"optional\":true,\"field\":\"ts_ns\"},"
          + "{\"type\":\"string\",\"optional\":false,\"field\":\"schema\"},{\"type\":\"string\","
          + "\"optional\":false,\"field\":\"table\"},{\"type\":\"int64\",\"optional\":true,\"field\":"
          + "\"txId\"},{\"type\":\"int64\",\"optional\":true,\"field\":\"lsn\"},{\"type\":\"int64\","
          + "\"optional\":true,\"field\":\"xmin\"},{\"type\":\"string\",\"optional\":true,\"field\":"
          + "\"origin\"},{\"type\":\"int64\",\"optional\":true,\"field\":\"origin_lsn\"}],"
          + "\"optional\":false,\"name\":\"io.debezium.connector.postgresql.Source\",\"version\":1,"
          + "\"field\":\"source\"},{\"type\":\"struct\",\"fields\":[{\"type\":\"string\",\"optional\":"
          + "false,\"field\":\"id\"},{\"type\":\"int64\",\"optional\":false,\"field\":\"total_order\"},"
          + "{\"type\":\"int64\",\"optional\":false,\"field\":\"data_collection_order\"}],\"optional\":"
          + "true,\"name\":\"event.block\",\"version\":1,\"field\":\"transaction\"},{\"type\":"
          + "\"string\",\"optional\":false,\"field\":\"op\"},{\"type\":\"int64\",\"optional\":true,"
          + "\"field\":\"ts_ms\"},{\"type\":\"int64\",\"optional\":true,\"field\":\"ts_us\"},"
          + "{\"type\":\"int64\",\"optional\":true,\"field\":\"ts_ns\"}";
}
