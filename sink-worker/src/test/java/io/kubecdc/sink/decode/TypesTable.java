package io.kubecdc.sink.decode;

import java.util.Random;

/**
 * The source table with every supported PostgreSQL type, and the SQL that produces the fixtures.
 */
final class TypesTable {
  /** Uncompressible enough for pglz: random hex, well over the 2 KB TOAST threshold. */
  static final String BIG_TEXT = hex(new Random(42), 6000);

  private TypesTable() {}

  static String[] create(String table, String id) {
    return new String[] {
      "CREATE TYPE mood_" + id + " AS ENUM ('sad', 'ok', 'happy')",
      "CREATE TABLE "
          + table
          + " (id bigint PRIMARY KEY, small smallint, num int NOT NULL, big bigint,"
          + " amount numeric(12,2), neg numeric(20,5), anynum numeric, r real, d double precision,"
          + " flag boolean, name text, code varchar(10), ch char(3), uid uuid, day date, tod time,"
          + " ts timestamp, ts3 timestamp(3), tstz timestamptz, doc jsonb, js json, bin bytea,"
          + " tags text[], nums int[], prices numeric(10,2)[], mood mood_"
          + id
          + ", dur interval, big_text text, big_bin bytea)"
    };
  }

  static String[] snapshotRows(String table) {
    return new String[] {
      "INSERT INTO "
          + table
          + " VALUES (1, -32768, 2147483647, -9223372036854775808, 1234567890.12, -123456789012345.6789,"
          + " 3.14159265358979323846264338327950288, 1.5, -2.25, true, 'héllo ✓', 'v10', 'ab',"
          + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '2024-02-29', '23:59:59.999999',"
          + " '2024-02-29 12:34:56.789012', '1969-12-31 23:59:59.999', '2024-02-29 12:34:56.789012+02',"
          + " '{\"a\": [1, 2.5, null]}', '{\"b\" : true}', '\\x00ff10', '{x,NULL,\"y z\"}', '{1,NULL,-3}',"
          + " '{1.10,-2.05}', 'happy', '1 day 02:03:04.5', '"
          + BIG_TEXT
          + "', decode('"
          + BIG_TEXT
          + "', 'hex'))",
      "INSERT INTO " + table + " (id, num) VALUES (2, 0)"
    };
  }

  static String[] changes(String table) {
    return new String[] {
      "INSERT INTO "
          + table
          + " (id, num, amount, neg, anynum, r, d, tstz, ts, day, tod, tags, nums, prices)"
          + " VALUES (3, -1, -0.01, -0.00001, -12345678901234567890.000000000000000000001, 'NaN',"
          + " '-Infinity', '1900-01-01 00:00:00.000001+00', '1900-01-01 00:00:00.000001',"
          + " '1900-01-01', '00:00:00', '{}', '{}', NULL)",
      "UPDATE " + table + " SET name = 'renamed', d = 'Infinity' WHERE id = 1",
      "DELETE FROM " + table + " WHERE id = 2",
      "TRUNCATE " + table
    };
  }

  private static String hex(Random random, int chars) {
    StringBuilder b = new StringBuilder(chars);
    for (int i = 0; i < chars; i++) {
      b.append(Character.forDigit(random.nextInt(16), 16));
    }
    return b.toString();
  }
}
