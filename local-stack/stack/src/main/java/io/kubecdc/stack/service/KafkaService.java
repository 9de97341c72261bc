package io.kubecdc.stack.service;

import io.kubecdc.contract.EventSizeLimit;
import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.process.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A single-node Kafka broker in KRaft mode (broker and controller in one process). */
public final class KafkaService extends KafkaJvmService {
  public KafkaService(StackConfig config) {
    super(config, "kafka", "512m");
  }

  @Override
  public String endpoint() {
    return bootstrap(config);
  }

  public static String bootstrap(StackConfig config) {
    return "127.0.0.1:" + config.kafkaPort();
  }

  @Override
  protected void prepare() {
    Map<String, String> p = new HashMap<>(EventSizeLimit.DEFAULT.brokerSettings());
    p.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", "1"),
            Map.entry("controller.quorum.bootstrap.servers", controller()),
            Map.entry(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + config.kafkaPort() + ",CONTROLLER://" + controller()),
            Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + config.kafkaPort()),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
            Map.entry("log.dirs", dir().resolve("data").toString()),
            Map.entry("num.partitions", "1"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("auto.create.topics.enable", "true")));
    Path properties = dir().resolve("server.properties");
    ConfigFiles.writeProperties(properties, p);
    writeLogConfig();
    if (!Files.exists(dir().resolve("data/meta.properties"))) {
      Commands.check(
          List.of(
              Commands.javaLauncher(),
              "-Xmx256m",
              "-Dlog4j2.configurationFile=" + logConfig(),
              "-cp",
              classPath(),
              "kafka.tools.StorageTool",
              "format",
              "--standalone",
              "--cluster-id",
              Uuid.randomUuid().toString(),
              "--config",
              properties.toString()),
          config.home(),
          Duration.ofMinutes(2));
    }
  }

  private String controller() {
    return "127.0.0.1:" + config.kafkaControllerPort();
  }

  @Override
  protected List<String> mainAndArguments() {
    return List.of("kafka.Kafka", dir().resolve("server.properties").toString());
  }

  @Override
  protected boolean answers() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(config));
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
    try (Admin admin = Admin.create(p)) {
      return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
    } catch (Exception notYet) {
      return false;
    }
  }

  @Override
  protected int[] ports() {
    return new int[] {config.kafkaPort(), config.kafkaControllerPort()};
  }

  @Override
  protected Duration startTimeout() {
    return Duration.ofMinutes(2);
  }
}
