package io.kubecdc.chfront.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client-v2 line from 0.6 to the current release, with its default settings (LZ4-compressed
 * responses; 0.6.5 still goes through the legacy HTTP client by default), against the front.
 */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientV2MatrixIT {

  static Stream<OlderDrivers.Driver> drivers() {
    return OlderDrivers.of("client-v2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drivers")
  void shouldReadBackWhatItWrote(OlderDrivers.Driver driver) throws Exception {
    String db = driver.database("v2m");
    try (ReflectiveClient client = ReflectiveClient.connect(driver)) {
      client.execute("DROP DATABASE IF EXISTS " + db);
      client.execute("CREATE DATABASE " + db);
      client.execute(
          "CREATE TABLE "
              + db
              + ".payments (id UInt64, name String, amount Decimal(18, 4))"
              + " ENGINE = MergeTree ORDER BY id");
      client.execute(
          "INSERT INTO "
              + db
              + ".payments VALUES (1, 'customer-1-é', 1.125), (2, 'customer-2-é', -2.5)");
      assertThat(
              client.queryAll(
                  "SELECT id, name, amount FROM " + db + ".payments ORDER BY id",
                  "id",
                  "name",
                  "amount"))
          .containsExactly("1|customer-1-é|1.1250", "2|customer-2-é|-2.5000");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drivers")
  void shouldAnswerEmptyResults(OlderDrivers.Driver driver) throws Exception {
    try (ReflectiveClient client = ReflectiveClient.connect(driver)) {
      assertThat(
              client.queryAll(
                  "SELECT name, type FROM system.columns"
                      + " WHERE table = 'not_there' AND database = 'default'",
                  "name"))
          .isEmpty();
      assertThat(client.queryAll("SELECT 7 AS seven", "seven")).containsExactly("7");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drivers")
  void shouldReadResultsOfManyCompressedBlocks(OlderDrivers.Driver driver) throws Exception {
    int rows = 200_000;
    try (ReflectiveClient client = ReflectiveClient.connect(driver)) {
      List<String> result =
          client.queryAll(
              "SELECT number AS n, toString(number * 3) AS s FROM numbers(" + rows + ")", "n", "s");
      assertThat(result).hasSize(rows);
      assertThat(result.get(0)).isEqualTo("0|0");
      assertThat(result.get(rows - 1)).isEqualTo((rows - 1) + "|" + (rows - 1) * 3L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drivers")
  void shouldServeManyQueriesOnKeptAliveConnectionsUnderLoad(OlderDrivers.Driver driver)
      throws Exception {
    try (ReflectiveClient client = ReflectiveClient.connect(driver)) {
      MixedLoad.run(
          thread -> {
            for (int i = 0; i < MixedLoad.QUERIES; i++) {
              int rows = MixedLoad.rows(thread, i);
              assertThat(client.queryAll("SELECT number AS n FROM numbers(" + rows + ")", "n"))
                  .as("query %d of thread %d", i, thread)
                  .hasSize(rows);
            }
          });
    }
  }
}
