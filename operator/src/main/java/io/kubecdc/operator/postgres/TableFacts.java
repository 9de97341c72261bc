package io.kubecdc.operator.postgres;

import io.kubecdc.contract.TableName;

/**
 * What the catalog says about one source table. {@code replicaIdentity} is pg_class.relreplident:
 * {@code d} default (the primary key), {@code f} full, {@code i} an index, {@code n} nothing.
 */
public record TableFacts(
    TableName name,
    boolean exists,
    boolean partitioned,
    boolean hasPrimaryKey,
    char replicaIdentity,
    boolean canSelect,
    boolean ownedByUser) {

  public static TableFacts missing(TableName name) {
    return new TableFacts(name, false, false, false, 'd', false, false);
  }

  /** Whether updates and deletes carry enough of the old row to find it in ClickHouse. */
  public boolean identifiesRows() {
    return switch (replicaIdentity) {
      case 'f', 'i' -> true;
      case 'd' -> hasPrimaryKey;
      default -> false;
    };
  }
}
