package io.kubecdc.operator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.connect.SnapshotSignals;
import io.kubecdc.operator.kafka.SignalTopics;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tables an incremental snapshot is still backfilling, from what the operator asked (the
 * {@code execute-snapshot} signals on the signal topic) and what Debezium reported (its
 * notifications, which carry the id of the signal they answer). A table is snapshotting from the
 * signal that asked for it until a notification with that signal's id says its scan completed, or
 * that the whole snapshot completed or was aborted. Records that are not such signals or
 * notifications are ignored.
 */
final class SnapshotProgress {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AGGREGATE = "Incremental Snapshot";

  private SnapshotProgress() {}

  static Set<TableName> snapshotting(List<String> signals, List<String> notifications) {
    Map<TableName, String> pending = new HashMap<>();
    for (String value : signals) {
      JsonNode s = parse(value);
      if (!"execute-snapshot".equals(s.path("type").asText())) {
        continue;
      }
      String id = s.path("id").asText();
      for (JsonNode c : s.path("data").path("data-collections")) {
        SnapshotSignals.tableOf(c.asText()).ifPresent(t -> pending.put(t, id));
      }
    }
    for (String value : notifications) {
      JsonNode n = parse(value);
      n = n.has("payload") ? n.get("payload") : n;
      if (!AGGREGATE.equals(n.path("aggregate_type").asText())) {
        continue;
      }
      String id = n.path("id").asText();
      switch (n.path("type").asText()) {
        case "COMPLETED", "ABORTED" -> pending.values().removeIf(id::equals);
        case "TABLE_SCAN_COMPLETED" -> {
          String scanned = n.path("additional_data").path("scanned_collection").asText();
          pending.entrySet().removeIf(e -> e.getValue().equals(id) && named(e.getKey(), scanned));
        }
        default -> {}
      }
    }
    return Set.copyOf(pending.keySet());
  }

  /** How far the incremental snapshot that one signal asked for got. */
  enum Outcome {
    /** No end reported yet (or nothing could be read): the snapshot may still write rows. */
    RUNNING,
    /** Debezium reported the snapshot completed and every table scan it reported succeeded. */
    COMPLETED,
    /** Aborted, or a table scan ended without reading the table: some rows may never come. */
    INCOMPLETE
  }

  /** Table scan statuses after which every row of the table was read (none for EMPTY). */
  private static final Set<String> SCANNED = Set.of("SUCCEEDED", "EMPTY");

  /**
   * What Debezium reported of one signal's snapshot, and when it reported it complete: the Kafka
   * timestamp of the {@code COMPLETED} notification (-1 while there is none). Debezium sends that
   * notification after the last row of the snapshot, through the same producer, so every row the
   * snapshot read is in the data topics before the first record stamped later.
   */
  record Report(Outcome outcome, long completedAt) {}

  /**
   * The outcome of the snapshot that the signal {@code id} asked for, from Debezium's
   * notifications. Only a {@code COMPLETED} notification of that id, with no table scan of it that
   * ended otherwise than SUCCEEDED or EMPTY ({@code SQL_EXCEPTION}, {@code SKIPPED}, {@code
   * NO_PRIMARY_KEY}, {@code UNKNOWN_SCHEMA}), counts as complete.
   */
  static Outcome outcome(String id, List<String> notifications) {
    return report(id, notifications.stream().map(v -> new SignalTopics.Stamped(v, -1)).toList())
        .outcome();
  }

  /** {@link #outcome(String, List)} with the time of the completion. */
  static Report report(String id, List<SignalTopics.Stamped> notifications) {
    boolean completed = false;
    long completedAt = -1;
    for (SignalTopics.Stamped record : notifications) {
      JsonNode n = parse(record.value());
      n = n.has("payload") ? n.get("payload") : n;
      if (!AGGREGATE.equals(n.path("aggregate_type").asText())
          || !id.equals(n.path("id").asText())) {
        continue;
      }
      switch (n.path("type").asText()) {
        case "ABORTED" -> {
          return new Report(Outcome.INCOMPLETE, -1);
        }
        case "TABLE_SCAN_COMPLETED" -> {
          JsonNode status = n.path("additional_data").path("status");
          if (!status.isMissingNode() && !SCANNED.contains(status.asText())) {
            return new Report(Outcome.INCOMPLETE, -1);
          }
        }
        case "COMPLETED" -> {
          completed = true;
          completedAt = Math.max(completedAt, record.timestamp());
        }
        default -> {}
      }
    }
    return completed ? new Report(Outcome.COMPLETED, completedAt) : new Report(Outcome.RUNNING, -1);
  }

  /** Debezium names a PostgreSQL table {@code schema.table}, unquoted. */
  private static boolean named(TableName t, String identifier) {
    return identifier.equals(t.schema() + "." + t.table());
  }

  private static JsonNode parse(String value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
