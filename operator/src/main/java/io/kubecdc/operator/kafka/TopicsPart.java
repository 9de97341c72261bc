package io.kubecdc.operator.kafka;

import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The topics part: makes the pipeline's topics exist with the declared partitions and settings
 * before the connector writes to them (so Debezium never auto-creates one with broker defaults). It
 * adds partitions and changes settings in place; what Kafka cannot change in place (fewer
 * partitions, another replication factor) is reported, never silently ignored.
 */
public final class TopicsPart {
  private final Admin admin;
  private final Duration timeout;

  public TopicsPart(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** How often a pass is retried while a broker does not know a topic the controller has. */
  private static final int METADATA_RETRIES = 5;

  public PartState ensure(List<TopicSpec> topics) {
    for (int attempt = 1; ; attempt++) {
      try {
        return ensureOnce(topics);
      } catch (MetadataLag e) {
        // a topic created a moment ago (by this pass, a previous one or Connect) is described by
        // the controller before every broker has it: altering it then answers "unknown topic".
        // That is not a failure of the pipeline; the pass is simply made again a little later.
        if (attempt == METADATA_RETRIES) {
          return PartState.failed(
              Part.TOPICS,
              "TopicMetadataPending",
              "Kafka's brokers do not agree yet on a topic created a moment ago: "
                  + e.getCause().getMessage());
        }
        sleep(200L * attempt);
      }
    }
  }

  private static final class MetadataLag extends Exception {
    MetadataLag(Throwable cause) {
      super(cause);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reconciling topics", e);
    }
  }

  private PartState ensureOnce(List<TopicSpec> topics) throws MetadataLag {
    try {
      TopicChanges changes = new TopicChanges();
      Map<String, TopicDescription> existing = describe(topics);
      create(topics, existing, changes);
      grow(topics, existing, changes);
      reconfigure(topics, changes);
      if (!changes.cannotChange.isEmpty()) {
        return new PartState(
            Part.TOPICS,
            Health.DEGRADED,
            "TopicCannotChange",
            String.join("; ", changes.cannotChange));
      }
      return PartState.ready(Part.TOPICS, "TopicsReady", changes.summary(topics.size()));
    } catch (TimeoutException e) {
      return PartState.failed(
          Part.TOPICS,
          "KafkaUnreachable",
          "no answer from Kafka within "
              + timeout.toSeconds()
              + " s: check spec.kafka.bootstrapServers");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new MetadataLag(e.getCause());
      }
      return known(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reconciling topics", e);
    }
  }

  private Map<String, TopicDescription> describe(List<TopicSpec> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, TopicDescription> out = new HashMap<>();
    var futures = admin.describeTopics(names(topics)).topicNameValues();
    for (var e : futures.entrySet()) {
      try {
        out.put(e.getKey(), e.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      } catch (ExecutionException ex) {
        if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw ex;
        }
      }
    }
    return out;
  }

  private void create(
      List<TopicSpec> topics, Map<String, TopicDescription> existing, TopicChanges c)
      throws InterruptedException, ExecutionException, TimeoutException, MetadataLag {
    List<NewTopic> missing = new ArrayList<>();
    for (TopicSpec t : topics) {
      if (!existing.containsKey(t.name())) {
        missing.add(
            new NewTopic(t.name(), java.util.Optional.of(t.partitions()), t.replicationFactor())
                .configs(t.configs()));
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    for (var e : admin.createTopics(missing).values().entrySet()) {
      try {
        e.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        c.created.add(e.getKey());
      } catch (ExecutionException ex) {
        if (!(ex.getCause() instanceof TopicExistsException)) {
          throw ex;
        }
        // created concurrently (another reconcile, or Connect), or created a moment ago and not
        // yet described by the broker that answered: compared on a new pass
        throw new MetadataLag(ex.getCause());
      }
    }
  }

  private void grow(List<TopicSpec> topics, Map<String, TopicDescription> existing, TopicChanges c)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, NewPartitions> more = new HashMap<>();
    for (TopicSpec t : topics) {
      TopicDescription d = existing.get(t.name());
      if (d == null) {
        continue;
      }
      int have = d.partitions().size();
      if (have < t.partitions()) {
        more.put(t.name(), NewPartitions.increaseTo(t.partitions()));
      } else if (have > t.partitions()) {
        c.cannotChange.add(
            "%s has %d partitions, the spec asks for %d: Kafka cannot remove partitions (the extra ones stay in use)"
                .formatted(t.name(), have, t.partitions()));
      }
      int rf = d.partitions().get(0).replicas().size();
      if (t.replicationFactor().isPresent() && t.replicationFactor().get() != rf) {
        c.cannotChange.add(
            "%s has replication factor %d, the environment asks for %d: change it with a partition reassignment (kafka-reassign-partitions.sh)"
                .formatted(t.name(), rf, t.replicationFactor().get()));
      }
    }
    if (!more.isEmpty()) {
      all(admin.createPartitions(more).values().values());
      c.grown.addAll(more.keySet().stream().sorted().toList());
    }
  }

  private void reconfigure(List<TopicSpec> topics, TopicChanges c)
      throws InterruptedException, ExecutionException, TimeoutException {
    // a topic created in this pass has the declared settings already, and describing it at once
    // can fail with UnknownTopicOrPartition while the broker's metadata catches up
    List<ConfigResource> resources =
        topics.stream()
            .filter(t -> !t.configs().isEmpty() && !c.created.contains(t.name()))
            .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name()))
            .toList();
    if (resources.isEmpty()) {
      return;
    }
    Map<ConfigResource, Config> current =
        admin.describeConfigs(resources).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Map<ConfigResource, Collection<AlterConfigOp>> ops = new HashMap<>();
    for (TopicSpec t : topics) {
      ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, t.name());
      Config have = current.get(r);
      if (have == null) {
        continue;
      }
      List<AlterConfigOp> set = new ArrayList<>();
      t.configs()
          .forEach(
              (k, v) -> {
                ConfigEntry e = have.get(k);
                if (e == null || !v.equals(e.value())) {
                  set.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET));
                }
              });
      if (!set.isEmpty()) {
        ops.put(r, set);
        c.reconfigured.add(t.name());
      }
    }
    if (!ops.isEmpty()) {
      admin.incrementalAlterConfigs(ops).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void all(Collection<KafkaFuture<Void>> futures)
      throws InterruptedException, ExecutionException, TimeoutException {
    KafkaFuture.allOf(futures.toArray(KafkaFuture[]::new))
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static PartState known(Throwable cause) {
    if (cause instanceof AuthorizationException) {
      return PartState.failed(
          Part.TOPICS,
          "TopicsNotAuthorized",
          "Kafka refused the operator: "
              + cause.getMessage()
              + ". The operator's principal needs DESCRIBE, CREATE and ALTER_CONFIGS on the"
              + " pipeline's topics (prefix ACL on the topic prefix).");
    }
    if (cause instanceof PolicyViolationException) {
      return PartState.failed(
          Part.TOPICS,
          "TopicPolicyViolation",
          "the broker's topic policy refused: " + cause.getMessage());
    }
    if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      return PartState.failed(Part.TOPICS, "KafkaUnreachable", cause.getMessage());
    }
    if (cause instanceof org.apache.kafka.common.errors.InvalidConfigurationException
        || cause instanceof org.apache.kafka.common.errors.InvalidReplicationFactorException
        || cause instanceof org.apache.kafka.common.errors.InvalidPartitionsException) {
      return PartState.failed(Part.TOPICS, "InvalidTopicSettings", cause.getMessage());
    }
    throw new IllegalStateException("topic reconcile failed", cause);
  }

  private static List<String> names(List<TopicSpec> topics) {
    return topics.stream().map(TopicSpec::name).toList();
  }
}
