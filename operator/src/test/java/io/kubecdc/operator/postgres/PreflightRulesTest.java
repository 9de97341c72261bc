package io.kubecdc.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.PartState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreflightRulesTest {
  private static final PipelineNames NAMES = new PipelineNames("prod", "orders");
  private static final TableName ORDERS = TableName.parse("public.orders");
  private final PreflightRules rules = new PreflightRules(1024L * 1024 * 1024);

  private static TableFacts keyed(TableName n) {
    return new TableFacts(n, true, false, true, 'd', true, true);
  }

  private static SourceFacts facts(String walLevel, boolean replication, List<TableFacts> tables) {
    return new SourceFacts(
        "cdc",
        "shop",
        150000,
        walLevel,
        false,
        replication,
        10,
        2,
        List.of(),
        Optional.empty(),
        false,
        tables);
  }

  /** A superuser's source with the pipeline's slot present. */
  private static SourceFacts withSlot(SlotFacts slot) {
    return new SourceFacts(
        "cdc",
        "shop",
        150000,
        "logical",
        true,
        true,
        10,
        3,
        List.of(),
        Optional.of(slot),
        true,
        List.of(keyed(ORDERS)));
  }

  @Test
  void shouldPassAHealthySource() {
    PartState s = rules.evaluate(facts("logical", true, List.of(keyed(ORDERS))), NAMES);
    assertThat(s.health()).isEqualTo(Health.READY);
    assertThat(s.message()).contains("wal_level = logical", "1 table(s)");
  }

  @Test
  void shouldRefuseAServerWithoutTheReadOnlySnapshotsTransactionIds() {
    SourceFacts old = facts("logical", true, List.of(keyed(ORDERS)));
    old =
        new SourceFacts(
            old.user(),
            old.database(),
            120017,
            old.walLevel(),
            old.superuser(),
            old.replication(),
            old.maxReplicationSlots(),
            old.usedReplicationSlots(),
            old.inactiveSlots(),
            old.slot(),
            old.publicationExists(),
            old.tables());
    PartState s = rules.evaluate(old, NAMES);
    assertThat(s.health()).isEqualTo(Health.FAILED);
    assertThat(s.reason()).isEqualTo("PostgresTooOld");
    assertThat(s.message()).contains("PostgreSQL 12.17", "13 or later");
  }

  @Test
  void shouldExplainHowToEnableLogicalDecoding() {
    PartState s = rules.evaluate(facts("replica", true, List.of(keyed(ORDERS))), NAMES);
    assertThat(s.health()).isEqualTo(Health.FAILED);
    assertThat(s.reason()).isEqualTo("WalLevelNotLogical");
    assertThat(s.message())
        .contains("wal_level is 'replica'", "ALTER SYSTEM SET wal_level = logical", "restart");
  }

  @Test
  void shouldGiveTheGrantForAUserWithoutReplication() {
    PartState s = rules.evaluate(facts("logical", false, List.of(keyed(ORDERS))), NAMES);
    assertThat(s.reason()).isEqualTo("MissingReplicationPrivilege");
    assertThat(s.message()).contains("ALTER ROLE \"cdc\" WITH REPLICATION;");
  }

  @Test
  void shouldNameTablesWithoutKeyAndTheFix() {
    TableFacts heap =
        new TableFacts(TableName.parse("public.events"), true, false, false, 'd', true, true);
    PartState s = rules.evaluate(facts("logical", true, List.of(keyed(ORDERS), heap)), NAMES);
    assertThat(s.reason()).isEqualTo("TableWithoutKey");
    assertThat(s.message())
        .contains("public.events")
        .doesNotContain("public.orders")
        .contains("ALTER TABLE \"public\".\"events\" REPLICA IDENTITY FULL;");
  }

  @Test
  void shouldAcceptAFullReplicaIdentityInsteadOfAKey() {
    TableFacts full = new TableFacts(ORDERS, true, false, false, 'f', true, true);
    assertThat(rules.evaluate(facts("logical", true, List.of(full)), NAMES).health())
        .isEqualTo(Health.READY);
  }

  @Test
  void shouldReportATableDroppedWhileThePipelineRunsAndJudgeTheOthersAlone() {
    SlotFacts slot = new SlotFacts(NAMES.slot(), true, "reserved", 0, "pgoutput");
    TableFacts gone = TableFacts.missing(TableName.parse("public.customers"));
    SourceFacts dropped = withSlot(slot).withTables(List.of(keyed(ORDERS), gone));

    PartState s = rules.evaluate(dropped, NAMES);

    assertThat(s.health()).isEqualTo(Health.DEGRADED);
    assertThat(s.reason()).isEqualTo("SourceTableMissing");
    assertThat(s.message())
        .contains("public.customers no longer in database shop", "the other tables stream on")
        .doesNotContain("public.orders");
  }

  @Test
  void shouldRefuseAMissingTableBeforeTheFirstStart() {
    TableFacts gone = TableFacts.missing(TableName.parse("public.customers"));
    PartState s = rules.evaluate(facts("logical", true, List.of(keyed(ORDERS), gone)), NAMES);
    assertThat(s.health()).isEqualTo(Health.FAILED);
    assertThat(s.reason()).isEqualTo("TableNotFound");
  }

  @Test
  void shouldListInactiveSlotsWhenNoneIsFree() {
    SourceFacts full =
        new SourceFacts(
            "cdc",
            "shop",
            150000,
            "logical",
            true,
            true,
            2,
            2,
            List.of("old_a", "old_b"),
            Optional.empty(),
            true,
            List.of(keyed(ORDERS)));
    PartState s = rules.evaluate(full, NAMES);
    assertThat(s.reason()).isEqualTo("NoFreeReplicationSlot");
    assertThat(s.message()).contains("inactive: old_a, old_b", "pg_drop_replication_slot");
  }

  @Test
  void shouldWarnBeforeTheSlotFillsTheDiskAndFailWhenItLostWal() {
    SlotFacts growing = new SlotFacts(NAMES.slot(), false, "extended", 5L << 30, "pgoutput");
    SourceFacts f = withSlot(growing);
    PartState s = rules.evaluate(f, NAMES);
    assertThat(s.health()).isEqualTo(Health.DEGRADED);
    assertThat(s.reason()).isEqualTo("SlotWalGrowing");
    assertThat(s.message()).contains("inactive", "5.0 GiB");

    SlotFacts lost = new SlotFacts(NAMES.slot(), false, "lost", 0, "pgoutput");
    SourceFacts gone = withSlot(lost);
    assertThat(rules.evaluate(gone, NAMES).reason()).isEqualTo("SlotLost");
  }

  @Test
  void shouldGiveTheCreatePublicationStatementWhenTheUserDoesNotOwnTheTables() {
    TableFacts notOwned = new TableFacts(ORDERS, true, false, true, 'd', true, false);
    PartState s = rules.evaluate(facts("logical", true, List.of(notOwned)), NAMES);
    assertThat(s.reason()).isEqualTo("CannotCreatePublication");
    assertThat(s.message())
        .contains(
            "CREATE PUBLICATION \"kubecdc_prod_orders\" FOR TABLE \"public\".\"orders\" WITH"
                + " (publish_via_partition_root = true);");
  }
}
