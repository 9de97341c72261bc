package io.kubecdc.operator.connect;

import io.kubecdc.contract.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a new connector config changes in what the connector captures, by comparing it with the
 * config Connect holds now, not with the previous spec: Connect's config is the truth about what
 * Debezium captures, and it survives an operator restart. A connector that does not exist yet
 * changes nothing here: its initial snapshot covers every table.
 */
public record CaptureChanges(List<TableName> added, List<TableName> removed) {
  public static final CaptureChanges NONE = new CaptureChanges(List.of(), List.of());

  public CaptureChanges {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }

  public static CaptureChanges between(
      Optional<Map<String, String>> current, Map<String, String> desired) {
    if (current.isEmpty()) {
      return NONE;
    }
    List<TableName> now = ConnectorConfig.capturedTables(current.get());
    List<TableName> wanted = ConnectorConfig.capturedTables(desired);
    List<TableName> added = new ArrayList<>(wanted);
    added.removeAll(now);
    List<TableName> removed = new ArrayList<>(now);
    removed.removeAll(wanted);
    return new CaptureChanges(added, removed);
  }
}
