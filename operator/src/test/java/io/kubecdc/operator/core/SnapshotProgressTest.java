package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.TableName;
import io.kubecdc.operator.connect.SnapshotSignals;
import io.kubecdc.operator.kafka.SignalTopics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Notifications shaped as Debezium 3.7 writes them on the sink channel (seen in TableChangesIT).
 */
class SnapshotProgressTest {
  private final TableName orders = new TableName("shop", "orders");
  private final TableName items = new TableName("shop", "Order Items");
  private final String signal = SnapshotSignals.executeSnapshot("s1", List.of(orders, items));

  private static String notification(String id, String type, String extra) {
    return "{\"schema\":{\"type\":\"struct\"},\"payload\":{\"id\":\""
        + id
        + "\",\"aggregate_type\":\"Incremental Snapshot\",\"type\":\""
        + type
        + "\",\"additional_data\":{\"connector_name\":\"it.x\""
        + extra
        + "},\"timestamp\":1796122215819}}";
  }

  private static String scanned(String id, String table) {
    return notification(
        id,
        "TABLE_SCAN_COMPLETED",
        ",\"scanned_collection\":\"" + table + "\",\"status\":\"SUCCEEDED\"");
  }

  @Test
  void shouldReportTablesAskedForUntilTheirScanCompletes() {
    assertThat(SnapshotProgress.snapshotting(List.of(signal), List.of()))
        .containsExactlyInAnyOrder(orders, items);
    List<String> started =
        List.of(
            notification("s1", "STARTED", ",\"data_collections\":\"shop.orders\""),
            notification("s1", "IN_PROGRESS", ",\"chunk_index\":\"1\""),
            scanned("s1", "shop.orders"));
    assertThat(SnapshotProgress.snapshotting(List.of(signal), started)).containsExactly(items);
  }

  @Test
  void shouldEndWithTheWholeSnapshotCompletedOrAborted() {
    for (String end : List.of("COMPLETED", "ABORTED")) {
      assertThat(
              SnapshotProgress.snapshotting(List.of(signal), List.of(notification("s1", end, ""))))
          .isEmpty();
    }
  }

  @Test
  void shouldNotLetAnOlderSnapshotEndALaterOneOfTheSameTable() {
    String again = SnapshotSignals.executeSnapshot("s2", List.of(orders));
    List<String> notifications =
        List.of(scanned("s1", "shop.orders"), notification("s1", "COMPLETED", ""));
    assertThat(SnapshotProgress.snapshotting(List.of(signal, again), notifications))
        .containsExactly(orders);
  }

  @Test
  void shouldIgnoreInitialSnapshotNotificationsOtherSignalsAndGarbage() {
    String initial =
        notification("s1", "COMPLETED", "").replace("Incremental Snapshot", "Initial Snapshot");
    String log = "{\"id\":\"l\",\"type\":\"log\",\"data\":{\"message\":\"hi\"}}";
    assertThat(
            SnapshotProgress.snapshotting(
                List.of(signal, log, "not json"), List.of(initial, "{}", "[")))
        .containsExactlyInAnyOrder(orders, items);
  }

  @Test
  void shouldCallASnapshotCompleteOnlyOnItsOwnCompletedNotification() {
    assertThat(SnapshotProgress.outcome("s1", List.of()))
        .isEqualTo(SnapshotProgress.Outcome.RUNNING);
    List<String> scannedOnly =
        List.of(scanned("s1", "shop.orders"), notification("s2", "COMPLETED", ""));
    assertThat(SnapshotProgress.outcome("s1", scannedOnly))
        .isEqualTo(SnapshotProgress.Outcome.RUNNING);
    List<String> done = List.of(scanned("s1", "shop.orders"), notification("s1", "COMPLETED", ""));
    assertThat(SnapshotProgress.outcome("s1", done)).isEqualTo(SnapshotProgress.Outcome.COMPLETED);
  }

  @Test
  void shouldCallASnapshotIncompleteWhenAbortedOrATableScanFailed() {
    assertThat(SnapshotProgress.outcome("s1", List.of(notification("s1", "ABORTED", ""))))
        .isEqualTo(SnapshotProgress.Outcome.INCOMPLETE);
    String failed =
        notification(
            "s1",
            "TABLE_SCAN_COMPLETED",
            ",\"scanned_collection\":\"shop.orders\",\"status\":\"SQL_EXCEPTION\"");
    assertThat(SnapshotProgress.outcome("s1", List.of(failed, notification("s1", "COMPLETED", ""))))
        .isEqualTo(SnapshotProgress.Outcome.INCOMPLETE);
  }

  @Test
  void shouldReportWhenTheSnapshotWasReportedComplete() {
    var report =
        SnapshotProgress.report(
            "s1",
            List.of(
                new SignalTopics.Stamped(scanned("s1", "shop.orders"), 1_000),
                new SignalTopics.Stamped(notification("s2", "COMPLETED", ""), 1_500),
                new SignalTopics.Stamped(notification("s1", "COMPLETED", ""), 2_000)));
    assertThat(report)
        .isEqualTo(new SnapshotProgress.Report(SnapshotProgress.Outcome.COMPLETED, 2_000));
    assertThat(
            SnapshotProgress.report(
                "s1", List.of(new SignalTopics.Stamped(scanned("s1", "shop.orders"), 1_000))))
        .isEqualTo(new SnapshotProgress.Report(SnapshotProgress.Outcome.RUNNING, -1));
  }
}
