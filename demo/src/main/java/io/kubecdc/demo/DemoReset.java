package io.kubecdc.demo;

import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.connect.ConnectorTeardown;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Puts the demo back to nothing, so every run starts with a snapshot: no connector or offsets, no
 * slot or publication, no topic, no consumer group, no target table.
 */
final class DemoReset {
  private final StackEndpoints ep;

  DemoReset(StackEndpoints ep) {
    this.ep = ep;
  }

  void reset(String connector, String slot, String topic, String group) throws Exception {
    ConnectorTeardown.remove(ep, connector, slot);
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ep.kafkaBootstrap()))) {
      if (admin.listConsumerGroups().all().get().stream()
          .anyMatch(g -> g.groupId().equals(group))) {
        admin.deleteConsumerGroups(List.of(group)).all().get();
      }
      if (admin.listTopics().names().get().contains(topic)) {
        admin.deleteTopics(List.of(topic)).all().get();
        while (admin.listTopics().names().get().contains(topic)) {
          Thread.sleep(100);
        }
      }
    }
    try (Connection ch = DemoData.clickhouse(ep);
        Statement s = ch.createStatement()) {
      s.execute("DROP TABLE IF EXISTS demo.orders");
    }
  }
}
