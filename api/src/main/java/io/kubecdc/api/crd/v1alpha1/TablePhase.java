package io.kubecdc.api.crd.v1alpha1;

/** Where one captured table stands, shown per table in {@code status.tables}. */
public enum TablePhase {
  /** The existing rows of a table added to a running pipeline are being backfilled. */
  Snapshotting,
  /** The table's changes stream. */
  Streaming,
  /**
   * The table no longer exists at the source (dropped): nothing more arrives from it; its topic and
   * ClickHouse table keep what arrived, and the other tables stream on.
   */
  SourceTableMissing
}
