package io.kubecdc.contract.types;

/** What happens to the values of a source column on their way into ClickHouse. */
public enum Outcome {
  /** A typed ClickHouse column holds every value exactly. */
  EXACT,
  /**
   * A {@code String} column holds the value's text (or binary) form exactly; not a typed column.
   */
  TEXT,
  /** The column lands, but Debezium changes some of its values on the way (the note says which). */
  LOSSY,
  /** The column is not in ClickHouse: Debezium does not publish it, or nothing faithful exists. */
  EXCLUDED
}
