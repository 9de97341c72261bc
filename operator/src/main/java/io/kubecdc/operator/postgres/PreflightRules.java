package io.kubecdc.operator.postgres;

import static io.kubecdc.operator.status.PartState.failed;

import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Decides from {@link SourceFacts} whether a source can feed the pipeline. Each failure names what
 * is wrong and gives the SQL that fixes it, in the order a user would fix them (server settings
 * first, then privileges, then tables), because the first one is what the Ready condition shows.
 */
public final class PreflightRules {
  /** {@code server_version_num} of PostgreSQL 13, the first with {@code pg_current_snapshot()}. */
  static final int MIN_SERVER_VERSION = 130000;

  private final long slotWalWarningBytes;

  /**
   * @param slotWalWarningBytes retained WAL above which the slot is reported as growing
   */
  public PreflightRules(long slotWalWarningBytes) {
    this.slotWalWarningBytes = slotWalWarningBytes;
  }

  /**
   * The source's state. A table that is missing while the pipeline's slot exists was there when the
   * pipeline started, so it was dropped at the source: the other tables are judged alone and stream
   * on, and the part is Degraded with {@code SourceTableMissing} (a table missing before the first
   * start is {@code TableNotFound}, which stops the pipeline: the spec is wrong).
   */
  public PartState evaluate(SourceFacts f, PipelineNames names) {
    List<TableFacts> missing = only(f, t -> !t.exists());
    if (missing.isEmpty() || f.slot().isEmpty() || missing.size() == f.tables().size()) {
      return evaluateAll(f, names);
    }
    PartState rest = evaluateAll(f.withTables(only(f, TableFacts::exists)), names);
    if (rest.health() != Health.READY && rest.health() != Health.DEGRADED) {
      return rest;
    }
    return new PartState(
        Part.SOURCE,
        Health.DEGRADED,
        "SourceTableMissing",
        "%s no longer in database %s (dropped at the source): nothing more arrives from it, its"
                .formatted(list(missing), f.database())
            + " topic and ClickHouse table keep what arrived, the other tables stream on. Remove it"
            + " from spec.source.tables"
            + (rest.health() == Health.DEGRADED ? "; " + rest.message() : ""));
  }

  private PartState evaluateAll(SourceFacts f, PipelineNames names) {
    if (f.serverVersion() < MIN_SERVER_VERSION) {
      return failed(
          Part.SOURCE,
          "PostgresTooOld",
          "PostgreSQL %d.%d is too old: KubeCDC needs 13 or later (a table added to a running"
                  .formatted(f.serverVersion() / 10000, f.serverVersion() % 10000)
              + " pipeline is backfilled by Debezium's read-only incremental snapshot, which uses"
              + " pg_current_snapshot()). Upgrade the server.");
    }
    if (!"logical".equals(f.walLevel())) {
      return failed(
          Part.SOURCE,
          "WalLevelNotLogical",
          "wal_level is '%s'; change data capture needs 'logical'. Run ALTER SYSTEM SET wal_level ="
                  .formatted(f.walLevel())
              + " logical; and restart PostgreSQL (managed services: rds.logical_replication = 1,"
              + " cloudsql.logical_decoding = on, or the provider's equivalent).");
    }
    if (!f.superuser() && !f.replication()) {
      return failed(
          Part.SOURCE,
          "MissingReplicationPrivilege",
          "user %s may not stream changes. Run ALTER ROLE %s WITH REPLICATION; (on RDS: GRANT"
                  .formatted(f.user(), TableName.quote(f.user()))
              + " rds_replication TO %s;)".formatted(TableName.quote(f.user())));
    }
    List<TableFacts> notFound = only(f, t -> !t.exists());
    if (!notFound.isEmpty()) {
      return failed(
          Part.SOURCE,
          "TableNotFound",
          "%s not found in database %s (check spec.source.tables; quoted names are case-sensitive)"
              .formatted(list(notFound), f.database()));
    }
    List<TableFacts> unkeyed = only(f, t -> !t.identifiesRows());
    if (!unkeyed.isEmpty()) {
      return failed(
          Part.SOURCE,
          "TableWithoutKey",
          "%s cannot be captured: without a primary key, updates and deletes do not say which row"
                  .formatted(list(unkeyed))
              + " they change. Add a primary key, or run "
              + unkeyed.stream()
                  .map(t -> "ALTER TABLE " + t.name().quoted() + " REPLICA IDENTITY FULL;")
                  .collect(Collectors.joining(" ")));
    }
    List<TableFacts> unreadable = only(f, t -> !t.canSelect());
    if (!unreadable.isEmpty()) {
      return failed(
          Part.SOURCE,
          "MissingSelectPrivilege",
          "user %s cannot read %s for the snapshot. Run GRANT SELECT ON %s TO %s;"
              .formatted(
                  f.user(),
                  list(unreadable),
                  unreadable.stream().map(t -> t.name().quoted()).collect(Collectors.joining(", ")),
                  TableName.quote(f.user())));
    }
    if (!f.publicationExists() && !f.superuser() && !only(f, t -> !t.ownedByUser()).isEmpty()) {
      return failed(
          Part.SOURCE,
          "CannotCreatePublication",
          "publication %s does not exist and user %s may not create it (PostgreSQL lets only the"
                  .formatted(names.publication(), f.user())
              + " tables' owner or a superuser publish them). Run as the owner: CREATE PUBLICATION "
              + TableName.quote(names.publication())
              + " FOR TABLE "
              + f.tables().stream().map(t -> t.name().quoted()).collect(Collectors.joining(", "))
              + " WITH (publish_via_partition_root = true);");
    }
    if (f.slot().isEmpty() && f.usedReplicationSlots() >= f.maxReplicationSlots()) {
      return failed(
          Part.SOURCE,
          "NoFreeReplicationSlot",
          "all %d replication slots are in use (max_replication_slots)%s. Drop an unused slot with"
                  .formatted(
                      f.maxReplicationSlots(),
                      f.inactiveSlots().isEmpty()
                          ? ""
                          : "; inactive: " + String.join(", ", f.inactiveSlots()))
              + " SELECT pg_drop_replication_slot('<name>'); or raise max_replication_slots and"
              + " restart PostgreSQL.");
    }
    return f.slot().map(this::slotHealth).orElseGet(() -> ready(f, "no slot yet"));
  }

  private PartState slotHealth(SlotFacts slot) {
    if ("lost".equals(slot.walStatus())) {
      return failed(
          Part.SOURCE,
          "SlotLost",
          "replication slot %s lost WAL it still needed (wal_status = lost): changes since then are"
                  .formatted(slot.name())
              + " gone. Delete and re-create the pipeline to take a new snapshot.");
    }
    String held =
        "slot %s %s, retains %s of WAL"
            .formatted(
                slot.name(), slot.active() ? "active" : "inactive", bytes(slot.retainedWalBytes()));
    if ("unreserved".equals(slot.walStatus())) {
      return new PartState(
          Part.SOURCE,
          Health.DEGRADED,
          "SlotWalAtRisk",
          held
              + "; wal_status = unreserved: the server will drop that WAL at the next checkpoint"
              + " unless the connector catches up");
    }
    if (slot.retainedWalBytes() > slotWalWarningBytes) {
      return new PartState(
          Part.SOURCE,
          Health.DEGRADED,
          "SlotWalGrowing",
          held
              + " (warning above "
              + bytes(slotWalWarningBytes)
              + "): the source disk fills"
              + " while the connector does not consume; check ConnectorReady");
    }
    return PartState.ready(Part.SOURCE, "SourceChecked", held);
  }

  private static PartState ready(SourceFacts f, String slot) {
    return PartState.ready(
        Part.SOURCE,
        "SourceChecked",
        "wal_level = logical, %d table(s) with row identity, %s"
            .formatted(f.tables().size(), slot));
  }

  private static List<TableFacts> only(SourceFacts f, Predicate<TableFacts> p) {
    return f.tables().stream().filter(p).toList();
  }

  private static String list(List<TableFacts> tables) {
    return tables.stream().map(t -> t.name().toString()).collect(Collectors.joining(", "));
  }

  static String bytes(long b) {
    if (b < 1024 * 1024) {
      return (b / 1024) + " KiB";
    }
    if (b < 1024L * 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
    }
    return String.format(java.util.Locale.ROOT, "%.1f GiB", b / (1024.0 * 1024 * 1024));
  }
}
