package io.kubecdc.sink.e2e;

import static org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.contract.EventSizeLimit;
import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values of 32 MiB (text of multi-byte characters, bytea, jsonb) flow under the default size limit
 * ({@link EventSizeLimit}), inserted, replaced, and carried over unchanged by an update of another
 * column; compared by hash. An event above the limit fails the connector's task, its status says
 * why, and once the limit is raised the task resumes at that row: nothing is skipped.
 */
@LocalStackTest
class LargeValuesIT {
  private static final int MIB = 1 << 20;

  /** About 32 MiB of UTF-8: random 2, 3 and 4 byte characters (accents, CJK, emoji). */
  private static final String TEXT_32_MIB =
      "(SELECT string_agg(chr(CASE i % 3 WHEN 0 THEN 128512 + (random() * 79)::int"
          + " WHEN 1 THEN 19968 + (random() * 20000)::int ELSE 224 + (random() * 30)::int END),"
          + " '') FROM generate_series(1, 11184811) i)";

  /** 32 MiB of pseudo-random bytes, every byte value included. */
  private static final String BYTES_32_MIB =
      "(SELECT decode(string_agg(md5(i::text || random()::text), ''), 'hex')"
          + " FROM generate_series(1, 2097152) i)";

  /** About 30 MiB of jsonb, whose quotes the event escapes once more. */
  private static final String JSONB_30_MIB =
      "(SELECT jsonb_build_object('items', jsonb_agg(md5(i::text || random()::text)))"
          + " FROM generate_series(1, 900000) i)";

  @TempDir Path dir;

  @Test
  void shouldCarryValuesOf32MiBExactly(StackEndpoints stack) throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      String table = f.id + ".blobs";
      f.sourceTable("blobs", "id bigint PRIMARY KEY, body text, blob bytea, doc jsonb, small int");
      f.startConnector();
      String pgHashes =
          "SELECT id, md5(body), length(body), md5(blob), length(blob), md5(doc::text), small"
              + " FROM "
              + table
              + " ORDER BY id";
      String chHashes =
          "SELECT id, lower(hex(MD5(body))), lengthUTF8(body), lower(hex(MD5(blob))),"
              + " length(blob), lower(hex(MD5(doc))), small FROM "
              + table
              + " FINAL ORDER BY id";
      try (WorkerProcess worker =
          f.startWorker(
              new TargetTable(
                  "blobs",
                  List.of("id"),
                  CdcFixture.columns(
                      "id",
                      "Int64",
                      "body",
                      "Nullable(String)",
                      "blob",
                      "Nullable(String)",
                      "doc",
                      "Nullable(String)",
                      "small",
                      "Nullable(Int32)")),
              (f.events.sizeLimit().sinkWorkerHeapBytes() >> 20) + "m")) {
        f.pg(
            "INSERT INTO " + table + " (id, body, small) VALUES (1, " + TEXT_32_MIB + ", 0)",
            "INSERT INTO " + table + " (id, blob, small) VALUES (2, " + BYTES_32_MIB + ", 0)",
            "INSERT INTO " + table + " (id, doc, small) VALUES (3, " + JSONB_30_MIB + ", 0)");
        f.awaitSameRows(pgHashes, chHashes);
        assertThat(f.chLong("SELECT length(body) FROM " + table + " FINAL WHERE id = 1"))
            .as("UTF-8 bytes of the text")
            .isGreaterThanOrEqualTo(32L * MIB);

        f.pg(
            "UPDATE " + table + " SET body = " + TEXT_32_MIB + " WHERE id = 1",
            "UPDATE " + table + " SET blob = " + BYTES_32_MIB + " WHERE id = 2",
            "UPDATE " + table + " SET doc = " + JSONB_30_MIB + " WHERE id = 3");
        f.awaitSameRows(pgHashes, chHashes);

        // the large values are unchanged: the events carry the placeholder, ClickHouse the value
        f.pg("UPDATE " + table + " SET small = id");
        f.awaitSameRows(pgHashes, chHashes);
      }
    }
  }

  @Test
  void shouldFailTheConnectorTaskVisiblyAboveTheLimitAndResumeOnceRaised(StackEndpoints stack)
      throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      f.events = f.events.withSizeLimit(new EventSizeLimit(MIB));
      String table = f.id + ".notes";
      f.sourceTable("notes", "id bigint PRIMARY KEY, body text");
      f.startConnector();
      f.pg(
          "INSERT INTO " + table + " VALUES (1, 'small')",
          "INSERT INTO "
              + table
              + " VALUES (2, (SELECT string_agg(md5(i::text), '') FROM generate_series(1, 65536)"
              + " i))",
          "INSERT INTO " + table + " VALUES (3, 'after')");
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> f.connect().failureTrace(f.id).isPresent());
      assertThat(f.connect().failureTrace(f.id).orElseThrow()).contains("RecordTooLargeException");

      // raised on both ends and on the topic Connect created: the task resumes at the row
      f.events = f.events.withSizeLimit(EventSizeLimit.DEFAULT);
      raiseTopicLimit(stack, f.topic("notes"), EventSizeLimit.DEFAULT);
      f.startConnector();
      try (WorkerProcess worker =
          f.startWorker(
              new TargetTable(
                  "notes", List.of("id"), CdcFixture.columns("id", "Int64", "body", "String")),
              "256m")) {
        f.awaitSameRows(
            "SELECT id, md5(body) FROM " + table + " ORDER BY id",
            "SELECT id, lower(hex(MD5(body))) FROM " + table + " FINAL ORDER BY id");
      }
    }
  }

  private static void raiseTopicLimit(StackEndpoints stack, String topic, EventSizeLimit limit)
      throws Exception {
    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      List<AlterConfigOp> ops =
          limit.topicConfig().entrySet().stream()
              .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), SET))
              .toList();
      admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(30, TimeUnit.SECONDS);
    }
  }
}
