package io.kubecdc.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class InsertPipelineTest {
  final Map<TopicPartition, OffsetAndMetadata> offsets =
      Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(42));

  @Test
  void shouldReleaseTheOffsetsOnlyOnceTheInsertIsDone() throws Exception {
    CountDownLatch inserting = new CountDownLatch(1);
    try (InsertPipeline pipeline = InsertPipeline.background()) {
      pipeline.start(List.of(() -> await(inserting)), offsets);
      assertThat(pipeline.busy()).isTrue();
      assertThat(pipeline.takeCompleted()).as("insert still running").isEmpty();

      inserting.countDown();
      pipeline.awaitIdle();
      assertThat(pipeline.takeCompleted()).isEqualTo(offsets);
      assertThat(pipeline.takeCompleted()).as("only once").isEmpty();
    }
  }

  @Test
  void shouldRethrowAFailedInsertOnTheLoopThreadAndCommitNothing() {
    try (InsertPipeline pipeline = InsertPipeline.background()) {
      pipeline.start(
          List.of(
              () -> {
                throw new IllegalStateException("ClickHouse said no");
              }),
          offsets);
      assertThatThrownBy(pipeline::awaitIdle).hasMessage("ClickHouse said no");
      assertThat(pipeline.takeCompleted()).isEmpty();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
