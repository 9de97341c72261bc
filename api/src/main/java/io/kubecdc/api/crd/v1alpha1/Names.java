package io.kubecdc.api.crd.v1alpha1;

/** Patterns the schema enforces on names, so that a bad name fails at apply, not at reconcile. */
final class Names {
  /** A Kubernetes object name that is also a DNS label (environments, logical sources). */
  static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";

  /**
   * One PostgreSQL identifier, bare or double-quoted as in SQL ({@code "Order Items"}, with {@code
   * ""} for a quote inside).
   */
  private static final String PG_IDENT = "(\"([^\"]|\"\")+\"|[^\".\\s]+)";

  /** {@code schema.table}, each part a {@link #PG_IDENT}. */
  static final String QUALIFIED_TABLE = "^" + PG_IDENT + "\\." + PG_IDENT + "$";

  /**
   * A ClickHouse database or table name: any characters (the operator quotes every identifier), no
   * leading or trailing space, at most 206 characters so that the on-disk name stays within file
   * name limits.
   */
  static final String CLICKHOUSE_NAME = "^\\S(.{0,204}\\S)?$";

  private Names() {}
}
