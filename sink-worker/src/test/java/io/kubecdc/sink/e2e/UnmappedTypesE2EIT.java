package io.kubecdc.sink.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.types.SourceCatalogCheck;
import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The types beyond the common ones (bit strings, geometry, text search, money, network addresses,
 * ranges, extensions, domains, composite and multi-dimensional values, generated columns) through
 * the real chain: the catalog check says before the start what happens to each column, the worker's
 * event mapping agrees with it, no row is lost, and ClickHouse holds what the type table promises,
 * Debezium's own losses included.
 */
@LocalStackTest
class UnmappedTypesE2EIT {
  private static final String COLUMNS =
      "id bigint PRIMARY KEY, b1 bit(1), b10 bit(10), vb varbit, pt point, ln line, ls lseg,"
          + " bx box, cir circle, tsv tsvector, tsq tsquery, mon money, ip inet, cid cidr,"
          + " mac macaddr, i4r int4range, tstzr tstzrange, mr int4multirange, hs hstore, lt ltree,"
          + " ci citext, x xml, o oid, lsn pg_lsn, dom %1$s.posint, cp %1$s.pair, md int[][],"
          + " nn numeric, tz timetz, iv interval, nm name, jp jsonpath, marr %1$s.mood[],"
          + " ia inet[], dta date[], money_arr money[],"
          + " gen bigint GENERATED ALWAYS AS (id * 2) STORED";
  private static final String VALUES =
      "(%d, B'1', B'1010101010', B'0101', '(1.5,2.5)', '{1,2,3}', '[(0,0),(1,1)]',"
          + " '((0,0),(2,2))', '<(1,1),2>', 'a fat cat', 'fat & cat', 1234.56, '192.168.1.5/24',"
          + " '10.0.0.0/8', '08:00:2b:01:02:03', '[1,10)',"
          + " '[2024-01-01 00:00+00,2024-02-01 00:00+00)', '{[1,3),[5,7)}', 'a=>1,b=>NULL',"
          + " 'top.science', 'MiXeD', '<a>x</a>', 4000000000, '16/B374D848', 5, ROW(1,'x'),"
          + " '{{1,2},{3,4}}', 1.50, '10:11:12.5+05:30', '1 year 2 mons 3 days 04:05:06.78', 'nm',"
          + " '$.a', '{sad,happy}', '{10.0.0.1,::1}', '{2024-01-01,infinity}', '{1.5}')";

  /** What a user finds in ClickHouse for {@link #VALUES}, by column ({@code toString}). */
  private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("b1", "true");
    EXPECTED.put("b10", "1010101010");
    EXPECTED.put("vb", "101"); // varbit: leading zero bits lost
    EXPECTED.put("pt", "(1.5,2.5)");
    EXPECTED.put("ln", "(1,2,3)");
    // WKB LineString of two points: little-endian, type 2, 2 points, (0,0), (1,1)
    EXPECTED.put(
        "lower(hex(ls))", "010200000002000000" + "00".repeat(16) + ("000000000000f03f").repeat(2));
    EXPECTED.put("substring(lower(hex(bx)), 1, 10)", "0103000000"); // a WKB Polygon
    EXPECTED.put("cir", "(1,1,2)");
    EXPECTED.put("tsv", "'a' 'cat' 'fat'");
    EXPECTED.put("mon", "1234.56");
    EXPECTED.put("ip", "192.168.1.5/24");
    EXPECTED.put("cid", "10.0.0.0/8");
    EXPECTED.put("mac", "08:00:2b:01:02:03");
    EXPECTED.put("i4r", "[1,10)");
    EXPECTED.put("tstzr", "[\"2024-01-01 00:00:00+00\",\"2024-02-01 00:00:00+00\")");
    EXPECTED.put("hs", "{\"a\":\"1\",\"b\":null}");
    EXPECTED.put("lt", "top.science");
    EXPECTED.put("ci", "MiXeD");
    EXPECTED.put("x", "<a>x</a>");
    EXPECTED.put("o", "4000000000");
    EXPECTED.put("dom", "5");
    EXPECTED.put("md", "[NULL,NULL]"); // Debezium nulls the elements of multi-dimensional arrays
    EXPECTED.put("nn", "1.5"); // numeric without scale: Debezium drops the trailing zero
    EXPECTED.put("tz", "04:41:12.5Z"); // timetz: converted to UTC, the offset is gone
    EXPECTED.put("iv", "P1Y2M3DT4H5M6.78S");
    EXPECTED.put("marr", "['sad','happy']");
    EXPECTED.put("ia", "['10.0.0.1','::1']");
    EXPECTED.put("dta", "['2024-01-01','2299-12-31']"); // infinity: the end of Date32
  }

  @TempDir Path dir;

  @Test
  void shouldKeepEveryRowAndLandWhatTheCatalogCheckPromised(StackEndpoints stack) throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      String table = f.id + ".exotic";
      f.pg(
          "CREATE EXTENSION IF NOT EXISTS hstore",
          "CREATE EXTENSION IF NOT EXISTS ltree",
          "CREATE EXTENSION IF NOT EXISTS citext",
          "CREATE TYPE " + f.id + ".pair AS (a int, b text)",
          "CREATE TYPE " + f.id + ".mood AS ENUM ('sad', 'happy')",
          "CREATE DOMAIN " + f.id + ".posint AS integer CHECK (VALUE > 0)");
      f.sourceTable("exotic", COLUMNS.formatted(f.id));
      f.pg(
          "INSERT INTO " + table + " VALUES " + VALUES.formatted(1),
          "INSERT INTO " + table + " (id) VALUES (2)");

      SourceCatalogCheck.TableReport catalog = MappingAgreement.catalog(f, "exotic");
      assertThat(catalog.columns().stream().filter(c -> c.excluded()).map(c -> c.column()))
          .containsExactly("tsq", "mr", "lsn", "cp", "nm", "jp", "money_arr", "gen");
      assertThat(
              catalog.columns().stream()
                  .filter(c -> c.warns() && !c.excluded())
                  .map(c -> c.column()))
          .containsExactly("vb", "md", "nn", "tz");
      f.startConnector(
          Map.of("column.exclude.list", String.join(",", catalog.connectorColumnExcludes())));
      int port = CdcFixture.freePort();
      Path config =
          f.workerConfig(
              List.of(new TargetTable("exotic", List.of("id"), catalog.clickhouseColumns())),
              port,
              "");
      try (WorkerProcess worker = f.worker(config, port).start()) {
        worker.awaitReady();
        f.pg(
            "INSERT INTO " + table + " VALUES " + VALUES.formatted(3),
            "UPDATE " + table + " SET nn = 2.500, pt = '(-1,0)' WHERE id = 1",
            "UPDATE " + table + " SET nn = 'NaN' WHERE id = 2");
        List<byte[]> events = f.records("exotic", 5);
        for (byte[] event : events) {
          MappingAgreement.assertAgree(catalog, event);
        }
        Map<String, String> updated = new LinkedHashMap<>(EXPECTED);
        updated.put("nn", "2.5");
        updated.put("pt", "(-1,0)");
        try (Connection ch = f.chConnection()) {
          CdcFixture.eventually(
              () -> {
                assertThat(values(ch, table, 1)).isEqualTo(updated);
                assertThat(values(ch, table, 3)).isEqualTo(EXPECTED);
                // NaN arrives as NULL: the row stays
                assertThat(
                        f.chLong(
                            "SELECT count() FROM " + table + " FINAL WHERE id = 2 AND nn IS NULL"))
                    .isEqualTo(1);
              });
        }
        assertThat(
                f.chLong(
                    "SELECT count() FROM system.columns WHERE database = '"
                        + f.id
                        + "' AND table = 'exotic' AND name IN ('tsq','mr','lsn','cp','nm','jp','money_arr','gen')"))
            .isZero();
        assertThat(worker.metric("kubecdc_sink_dead_letters_total")).isZero();
      }
    }
  }

  private static Map<String, String> values(Connection ch, String table, int id) throws Exception {
    List<String> exprs = new ArrayList<>(EXPECTED.keySet());
    String select =
        "SELECT "
            + String.join(
                ", ", exprs.stream().map(e -> e.contains("(") ? e : "toString(" + e + ")").toList())
            + " FROM "
            + table
            + " FINAL WHERE _deleted = 0 AND id = "
            + id;
    List<Object> row = CdcFixture.rows(ch, select).get(0);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < exprs.size(); i++) {
      out.put(exprs.get(i), row.get(i) == null ? null : row.get(i).toString());
    }
    return out;
  }
}
