package io.kubecdc.chfront.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.GenericRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class ConcurrentRequestsIT {

  @Test
  void shouldAnswerConcurrentRequestsWithoutMixingResultsOrDatabases() throws Exception {
    try (Client client = SharedFront.clientBuilder().build()) {
      for (int db = 0; db < 4; db++) {
        client.execute("CREATE DATABASE IF NOT EXISTS conc_" + db).join().close();
        client
            .execute(
                "CREATE TABLE IF NOT EXISTS conc_"
                    + db
                    + ".t (v UInt64) ENGINE = MergeTree"
                    + " ORDER BY v")
            .join()
            .close();
        client
            .execute(
                "INSERT INTO conc_" + db + ".t SELECT number * " + (db + 1) + " FROM numbers(1000)")
            .join()
            .close();
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> futures = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        int db = thread % 4;
        futures.add(
            pool.submit(
                () -> {
                  try (Client own =
                      SharedFront.clientBuilder().setDefaultDatabase("conc_" + db).build()) {
                    for (int i = 0; i < 40; i++) {
                      List<GenericRecord> rows =
                          own.queryAll(
                              "SELECT currentDatabase() AS d, sum(v) AS s, {i:UInt32} AS i FROM t",
                              java.util.Map.<String, Object>of("i", i));
                      assertThat(rows.get(0).getString("d")).isEqualTo("conc_" + db);
                      assertThat(rows.get(0).getLong("s")).isEqualTo(499_500L * (db + 1));
                      assertThat(rows.get(0).getLong("i")).isEqualTo(i);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();
      System.gc();
      assertThat(client.queryAll("SELECT currentDatabase() AS d").get(0).getString("d"))
          .isEqualTo("default");
    }
  }
}
