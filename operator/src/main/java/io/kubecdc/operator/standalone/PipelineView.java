package io.kubecdc.operator.standalone;

import io.kubecdc.operator.status.ConditionRecord;
import io.kubecdc.operator.status.StatusSummary;
import java.util.List;
import java.util.OptionalLong;

/**
 * One check of one pipeline as the standalone run shows it: the aggregated status and, per table,
 * the rows at both ends, the lag in records and the worker's freshness.
 */
public record PipelineView(String pipeline, StatusSummary summary, List<TableView> tables) {
  public PipelineView {
    tables = List.copyOf(tables);
  }

  /**
   * One table; a figure that could not be read is empty (or null). {@code deadLetters}: its events
   * in the dead-letter topic.
   */
  public record TableView(
      String name,
      OptionalLong sourceRows,
      OptionalLong clickhouseRows,
      Long lag,
      Double fresh,
      Long deadLetters) {
    public TableView(
        String name, OptionalLong sourceRows, OptionalLong clickhouseRows, Long lag, Double fresh) {
      this(name, sourceRows, clickhouseRows, lag, fresh, null);
    }

    boolean caughtUp() {
      return lag != null && lag == 0 && sourceRows.isPresent() && sourceRows.equals(clickhouseRows);
    }
  }

  public boolean ready() {
    return ConditionRecord.TRUE.equals(summary.ready().status());
  }

  /** Ready, no lag, and ClickHouse holds as many live rows as PostgreSQL, for every table. */
  public boolean caughtUp() {
    return ready() && !tables.isEmpty() && tables.stream().allMatch(TableView::caughtUp);
  }

  /** The first condition that is not True, else Ready: what explains the state. */
  public ConditionRecord cause() {
    return summary.conditions().stream()
        .filter(c -> !ConditionRecord.TRUE.equals(c.status()))
        .findFirst()
        .orElse(summary.ready());
  }
}
