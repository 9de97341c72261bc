package io.kubecdc.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.stack.FreePorts;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The topics part against the real Kafka broker of the local stack. */
@LocalStackTest(services = "kafka")
class TopicsPartIT {
  private final String prefix = "it-topics-" + UUID.randomUUID().toString().substring(0, 8);
  private final Admin admin;
  private final TopicsPart part;

  TopicsPartIT(StackEndpoints stack) {
    this.admin = KafkaAdmins.create(stack.kafkaBootstrap(), Map.of(), Duration.ofSeconds(15));
    this.part = new TopicsPart(admin, Duration.ofSeconds(15));
  }

  @AfterEach
  void cleanUp() throws Exception {
    var names =
        admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
            .filter(n -> n.startsWith(prefix))
            .toList();
    admin.deleteTopics(names).all().get(15, TimeUnit.SECONDS);
    admin.close();
  }

  private TopicSpec topic(String table, int partitions, Map<String, String> configs) {
    return new TopicSpec(prefix + ".public." + table, partitions, Optional.empty(), configs);
  }

  @Test
  void shouldCreateTopicsWithTheDeclaredSettingsAndBeIdempotent() throws Exception {
    var compacted = Map.of("cleanup.policy", "compact", "max.message.bytes", "8388608");
    List<TopicSpec> topics =
        List.of(topic("orders", 3, compacted), topic("customers", 1, compacted));

    PartState first = part.ensure(topics);
    assertThat(first.health()).isEqualTo(Health.READY);
    assertThat(first.message()).contains("2 topic(s)", "created: ");
    assertThat(describe("orders").partitions()).hasSize(3);
    assertThat(config("orders", "cleanup.policy")).isEqualTo("compact");
    assertThat(config("orders", "max.message.bytes")).isEqualTo("8388608");

    PartState again = part.ensure(topics);
    assertThat(again.message()).isEqualTo("2 topic(s)");
  }

  @Test
  void shouldGrowPartitionsAndChangeSettingsInPlace() throws Exception {
    part.ensure(List.of(topic("orders", 1, Map.of("cleanup.policy", "compact"))));

    PartState changed =
        part.ensure(
            List.of(
                topic(
                    "orders",
                    4,
                    Map.of("cleanup.policy", "compact,delete", "retention.ms", "86400000"))));

    assertThat(changed.health()).isEqualTo(Health.READY);
    assertThat(changed.message()).contains("partitions added: " + prefix + ".public.orders");
    assertThat(changed.message()).contains("settings changed: " + prefix + ".public.orders");
    assertThat(describe("orders").partitions()).hasSize(4);
    // the controller has the change when alterConfigs returns; the broker applies it a moment later
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(config("orders", "cleanup.policy")).isEqualTo("compact,delete");
              assertThat(config("orders", "retention.ms")).isEqualTo("86400000");
            });
  }

  @Test
  void shouldReportWhatKafkaCannotChangeInsteadOfIgnoringIt() throws Exception {
    part.ensure(List.of(topic("orders", 4, Map.of())));

    PartState shrink = part.ensure(List.of(topic("orders", 2, Map.of())));
    assertThat(shrink.health()).isEqualTo(Health.DEGRADED);
    assertThat(shrink.reason()).isEqualTo("TopicCannotChange");
    assertThat(shrink.message()).contains("has 4 partitions, the spec asks for 2");
    assertThat(describe("orders").partitions()).hasSize(4);

    var rf3 = new TopicSpec(prefix + ".public.orders", 4, Optional.of((short) 3), Map.of());
    assertThat(part.ensure(List.of(rf3)).message()).contains("replication factor 1", "asks for 3");
  }

  @Test
  void shouldSayKafkaIsUnreachableWithinTheTimeout() throws Exception {
    int closed = FreePorts.any();
    try (Admin nowhere =
        KafkaAdmins.create("127.0.0.1:" + closed, Map.of(), Duration.ofSeconds(3))) {
      long start = System.nanoTime();
      PartState s =
          new TopicsPart(nowhere, Duration.ofSeconds(3)).ensure(List.of(topic("x", 1, Map.of())));
      assertThat(s.reason()).isEqualTo("KafkaUnreachable");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
  }

  private TopicDescription describe(String table) throws Exception {
    String name = prefix + ".public." + table;
    return admin.describeTopics(List.of(name)).allTopicNames().get(15, TimeUnit.SECONDS).get(name);
  }

  private String config(String table, String key) throws Exception {
    var r = new ConfigResource(ConfigResource.Type.TOPIC, prefix + ".public." + table);
    return admin
        .describeConfigs(List.of(r))
        .all()
        .get(15, TimeUnit.SECONDS)
        .get(r)
        .get(key)
        .value();
  }
}
