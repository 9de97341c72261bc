package io.kubecdc.sink.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.contract.ToastPlaceholder;
import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An UPDATE that does not touch a TOASTed column makes Debezium send a placeholder instead of the
 * value. The placeholder is never written as data: the worker carries the current value forward,
 * from rows it still holds or from ClickHouse. The placeholder is the pipeline's own, so real data
 * that equals Debezium's well-known default (as text, as its bytes, as the uuid derived from it) is
 * data.
 */
@LocalStackTest
class ToastIT {
  @TempDir Path dir;

  @Test
  void shouldKeepUnchangedToastedValuesInsteadOfThePlaceholder(StackEndpoints stack)
      throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      f.sourceTable(
          "docs", "id bigint PRIMARY KEY, body text, blob bytea, counter int NOT NULL, ref uuid");
      String source = f.id + ".docs";
      // random hex does not compress below the 2 kB TOAST threshold: stored out of line
      f.pg(
          "ALTER TABLE " + source + " ALTER COLUMN body SET STORAGE EXTERNAL",
          "ALTER TABLE " + source + " ALTER COLUMN blob SET STORAGE EXTERNAL",
          "INSERT INTO "
              + source
              + " VALUES (1, '"
              + randomHex(20_000)
              + "', "
              + randomBytes()
              + ", 0)",
          "INSERT INTO " + source + " VALUES " + oldDefaultPlaceholderRow(3));
      f.startConnector();
      Map<String, String> columns = new LinkedHashMap<>();
      columns.put("id", "Int64");
      columns.put("body", "Nullable(String)");
      columns.put("blob", "Nullable(String)");
      columns.put("counter", "Int32");
      columns.put("ref", "Nullable(UUID)");
      int port = CdcFixture.freePort();
      Path config =
          f.workerConfig(List.of(new TargetTable("docs", List.of("id"), columns)), port, "");
      try (WorkerProcess worker = f.worker(config, port).start()) {
        worker.awaitReady();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> f.chLong("SELECT count() FROM " + source) == 2);

        // the value comes from ClickHouse: the snapshot row was written in an earlier batch
        f.pg("UPDATE " + source + " SET counter = 1 WHERE id = 1");
        // insert and update in quick succession: the value may come from the pending batch
        f.pg(
            "INSERT INTO "
                + source
                + " VALUES (2, '"
                + randomHex(20_000)
                + "', "
                + randomBytes()
                + ", 0)",
            "UPDATE " + source + " SET counter = 5 WHERE id = 2",
            "UPDATE " + source + " SET counter = 2 WHERE id = 1",
            // real values equal to Debezium's default placeholder, in the snapshot and streamed
            "INSERT INTO " + source + " VALUES " + oldDefaultPlaceholderRow(4),
            "UPDATE " + source + " SET counter = 3 WHERE id = 3",
            "UPDATE " + source + " SET counter = 4 WHERE id = 4");
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    f.chLong("SELECT sum(counter) FROM " + source + " FINAL") == 14
                        && f.chLong("SELECT count() FROM " + source + " FINAL") == 4);

        // bytea compared as hex: every byte, not a text decoding of it
        String rows =
            "SELECT id, body, encode(blob, 'hex'), counter, ref FROM " + source + " ORDER BY id";
        try (Connection pg = f.pgConnection();
            Connection ch = f.chConnection()) {
          assertThat(
                  Normalize.rows(
                      CdcFixture.rows(
                          ch,
                          "SELECT id, body, lower(hex(blob)), counter, ref FROM "
                              + source
                              + " FINAL ORDER BY id")))
              .isEqualTo(Normalize.rows(CdcFixture.rows(pg, rows)));
        }
        assertThat(
                f.chLong(
                    "SELECT countIf(position(body, '"
                        + f.events.toastPlaceholder()
                        + "') > 0) FROM "
                        + source))
            .as("no version of any row holds the placeholder")
            .isZero();
      }
    }
  }

  /**
   * A row whose values equal Debezium's default placeholder in every form the worker recognises:
   * the text, its bytes, the name-based uuid of its bytes (how uuid arrays carry it).
   */
  private static String oldDefaultPlaceholderRow(int id) {
    String text = ToastPlaceholder.DEBEZIUM_DEFAULT;
    UUID uuid = UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    return "(%d, '%s', convert_to('%s', 'UTF8'), 0, '%s')".formatted(id, text, text, uuid);
  }

  /** 16 kB of random bytes, every byte value included, as a bytea literal. */
  private static String randomBytes() {
    return "'\\x" + randomHex(32_000) + "'::bytea";
  }

  private static String randomHex(int chars) {
    byte[] bytes = new byte[chars / 2];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
