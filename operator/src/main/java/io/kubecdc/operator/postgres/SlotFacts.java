package io.kubecdc.operator.postgres;

/**
 * The pipeline's replication slot as pg_replication_slots shows it. {@code retainedWalBytes} is
 * {@code pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)}: WAL the server keeps for this slot.
 */
public record SlotFacts(
    String name, boolean active, String walStatus, long retainedWalBytes, String plugin) {}
