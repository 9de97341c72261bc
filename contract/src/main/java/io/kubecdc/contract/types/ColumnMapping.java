package io.kubecdc.contract.types;

/**
 * What one source column becomes in ClickHouse.
 *
 * @param column the source column name
 * @param clickhouseType the ClickHouse column type, Nullable already applied; null when {@link
 *     Outcome#EXCLUDED}
 * @param outcome how faithful the landed values are
 * @param note why, for the catalog check and the logs; empty for a plain exact mapping
 */
public record ColumnMapping(String column, String clickhouseType, Outcome outcome, String note) {
  public boolean excluded() {
    return outcome == Outcome.EXCLUDED;
  }

  /** True when a user should be told before the pipeline starts. */
  public boolean warns() {
    return outcome == Outcome.LOSSY || outcome == Outcome.EXCLUDED;
  }
}
