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
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint bump of a pipeline whose topics do not hold every row: {@code cleanup.policy=delete}
 * and, just before the bump, every event so far removed from the table's topic (what retention does
 * to old segments, without waiting for it). Generation 2 can only get its rows from a fresh
 * incremental snapshot of the source table: if it were rebuilt from the topic alone it would miss
 * the seeded rows and never switch in ({@link CutoverScenario}). Debezium 3.7 may read the first
 * chunk of such a snapshot twice at once (signal and streaming thread, upstream DBZ-8674: "will end
 * at position" logged twice), which once cost a row; {@link CheckpointSnapshotRepairIT} proves that
 * a build lacking a row is found and refilled before it switches.
 */
@LocalStackTest
class CheckpointSnapshotIT {
  private final StackEndpoints stack;
  @TempDir Path dir;

  CheckpointSnapshotIT(StackEndpoints stack) {
    this.stack = stack;
  }

  /** A pipeline on delete-policy topics that lose every event so far just before the bump. */
  static CutoverScenario withTopicsThatLostOldEvents(
      StackEndpoints stack, Path dir, String prefix) {
    return new CutoverScenario(stack, dir, prefix, 5_000)
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
            });
  }

  @Test
  void shouldRebuildFromAnIncrementalSnapshotWhenTheTopicsLostOldEvents() throws Exception {
    withTopicsThatLostOldEvents(stack, dir, "snap").run(RebuildSource.Snapshot);
  }
}
