package io.kubecdc.operator.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Membership of a consumer group: a generation's views switch only once the workers of the
 * generation they replace have left their group, so that none of them writes after the switch
 * (generation 1 writes into the very name that becomes the view).
 */
public final class ConsumerGroups {
  private final Admin admin;
  private final Duration timeout;

  public ConsumerGroups(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /**
   * True when {@code group} has committed, on every partition, at least as far as {@code other}:
   * everything the other group's workers wrote, this group's have written too. Checked once the
   * other group's workers have stopped, so that readers never see older rows after a switch.
   */
  public boolean caughtUpWith(String group, String other)
      throws ExecutionException, TimeoutException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> mine = committed(group);
    for (var e : committed(other).entrySet()) {
      OffsetAndMetadata m = mine.get(e.getKey());
      if (e.getValue() != null && (m == null || m.offset() < e.getValue().offset())) {
        return false;
      }
    }
    return true;
  }

  private Map<TopicPartition, OffsetAndMetadata> committed(String group)
      throws ExecutionException, TimeoutException, InterruptedException {
    return admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * True while some consumer is a member of {@code group}; a group that does not exist has none.
   */
  public boolean hasMembers(String group)
      throws ExecutionException, TimeoutException, InterruptedException {
    try {
      return !admin
          .describeConsumerGroups(List.of(group))
          .all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .get(group)
          .members()
          .isEmpty();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return false;
      }
      throw e;
    }
  }
}
