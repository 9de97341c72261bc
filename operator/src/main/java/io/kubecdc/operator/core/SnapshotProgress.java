package io.kubecdc.operator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.connect.SnapshotSignals;
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
