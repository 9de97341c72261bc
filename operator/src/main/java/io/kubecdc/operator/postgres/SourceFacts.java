package io.kubecdc.operator.postgres;

import java.util.List;
import java.util.Optional;

/** Everything the preflight needs to know about a source, read in one short session. */
public record SourceFacts(
    String user,
    String database,
    int serverVersion,
    String walLevel,
    boolean superuser,
    boolean replication,
    int maxReplicationSlots,
    int usedReplicationSlots,
    List<String> inactiveSlots,
    Optional<SlotFacts> slot,
    boolean publicationExists,
    List<TableFacts> tables) {
  public SourceFacts {
    inactiveSlots = List.copyOf(inactiveSlots);
    tables = List.copyOf(tables);
  }

  /** The same facts about other tables. */
  public SourceFacts withTables(List<TableFacts> others) {
    return new SourceFacts(
        user,
        database,
        serverVersion,
        walLevel,
        superuser,
        replication,
        maxReplicationSlots,
        usedReplicationSlots,
        inactiveSlots,
        slot,
        publicationExists,
        others);
  }
}
