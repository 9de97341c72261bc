package io.kubecdc.operator.kafka;

import io.kubecdc.operator.cleanup.Leftover;
import io.kubecdc.operator.cleanup.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;

/**
 * Deletes a pipeline's consumer groups (every checkpoint generation) and, by policy, its topics.
 */
public final class KafkaTeardown {
  private final Admin admin;
  private final Duration timeout;

  public KafkaTeardown(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** Deletes the groups whose id starts with {@code groupPrefix} (all generations). */
  public StepResult deleteGroups(String groupPrefix) {
    return deleteGroupsWhere(g -> g.startsWith(groupPrefix), groupPrefix + "*");
  }

  /** Deletes the group {@code groupId} if it exists. */
  public StepResult deleteGroup(String groupId) {
    return deleteGroupsWhere(groupId::equals, groupId);
  }

  private StepResult deleteGroupsWhere(Predicate<String> match, String what) {
    try {
      List<String> groups =
          admin.listConsumerGroups().all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
              .map(ConsumerGroupListing::groupId)
              .filter(match)
              .sorted()
              .toList();
      if (!groups.isEmpty()) {
        admin.deleteConsumerGroups(groups).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      return StepResult.done("deleted consumer group(s) " + (groups.isEmpty() ? "none" : groups));
    } catch (ExecutionException | TimeoutException e) {
      return StepResult.left(
          new Leftover(
              "consumer groups " + what,
              String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
              "kafka-consumer-groups.sh --delete --group <group> once no worker is a member"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Deletes the given topics; missing ones are fine. */
  public StepResult deleteTopics(List<String> topics) {
    try {
      var existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<String> present = topics.stream().filter(existing::contains).sorted().toList();
      if (!present.isEmpty()) {
        admin.deleteTopics(present).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      return StepResult.done("deleted topic(s) " + (present.isEmpty() ? "none" : present));
    } catch (ExecutionException | TimeoutException e) {
      return StepResult.left(
          new Leftover(
              "topics " + topics,
              String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
              "kafka-topics.sh --delete --topic <topic>"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
