package io.kubecdc.stack.service;

import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.StackException;
import io.kubecdc.stack.process.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Kafka Connect distributed worker with the Debezium PostgreSQL plugin, REST on loopback.
 * Connector configs reference secrets through config providers instead of holding them: {@code
 * ${file:<stack>/secrets/postgres.properties:password}}, {@code ${dir:<folder>:<file>}} (one file
 * per key, as a mounted Kubernetes Secret) or {@code ${env:NAME}}.
 */
public final class ConnectService extends KafkaJvmService {
  static final String DEBEZIUM_CONNECTOR = "io.debezium.connector.postgresql.PostgresConnector";

  public ConnectService(StackConfig config) {
    super(config, "connect", "768m");
  }

  @Override
  public List<String> dependsOn() {
    return List.of("kafka");
  }

  @Override
  public String endpoint() {
    return url(config);
  }

  public static String url(StackConfig config) {
    return "http://127.0.0.1:" + config.connectPort();
  }

  @Override
  protected void prepare() {
    unpackDebezium();
    String secrets = config.secrets().toString();
    Map<String, String> p =
        Map.ofEntries(
            Map.entry("bootstrap.servers", KafkaService.bootstrap(config)),
            Map.entry("group.id", "kubecdc-connect"),
            Map.entry("key.converter", "org.apache.kafka.connect.json.JsonConverter"),
            Map.entry("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
            Map.entry("config.storage.topic", "_connect-configs"),
            Map.entry("offset.storage.topic", "_connect-offsets"),
            Map.entry("status.storage.topic", "_connect-status"),
            Map.entry("config.storage.replication.factor", "1"),
            Map.entry("offset.storage.replication.factor", "1"),
            Map.entry("status.storage.replication.factor", "1"),
            Map.entry("offset.flush.interval.ms", "1000"),
            Map.entry("scheduled.rebalance.max.delay.ms", "0"),
            // connectors set their producer's size limits (EventSizeLimit): needs the override
            Map.entry("connector.client.config.override.policy", "All"),
            Map.entry("listeners", "http://127.0.0.1:" + config.connectPort()),
            Map.entry("rest.advertised.host.name", "127.0.0.1"),
            Map.entry("rest.advertised.port", Integer.toString(config.connectPort())),
            Map.entry("plugin.path", dir().resolve("plugins").toString()),
            // Debezium and Kafka ship ServiceLoader manifests: skips a 7 s reflective scan
            Map.entry("plugin.discovery", "service_load"),
            Map.entry("config.providers", "file,dir,env"),
            Map.entry(
                "config.providers.file.class",
                "org.apache.kafka.common.config.provider.FileConfigProvider"),
            Map.entry("config.providers.file.param.allowed.paths", secrets),
            Map.entry(
                "config.providers.dir.class",
                "org.apache.kafka.common.config.provider.DirectoryConfigProvider"),
            Map.entry("config.providers.dir.param.allowed.paths", secrets),
            Map.entry(
                "config.providers.env.class",
                "org.apache.kafka.common.config.provider.EnvVarConfigProvider"));
    ConfigFiles.writeProperties(dir().resolve("connect-distributed.properties"), p);
    writeLogConfig();
  }

  private void unpackDebezium() {
    Path plugins = dir().resolve("plugins");
    if (Files.isDirectory(plugins.resolve("debezium-connector-postgres"))) {
      return;
    }
    Path archive = config.layout().debeziumArchive();
    if (!Files.isRegularFile(archive)) {
      throw new StackException(
          "Debezium plugin archive missing: " + archive + " (run ./mvnw package)");
    }
    try {
      Files.createDirectories(plugins);
    } catch (java.io.IOException e) {
      throw new StackException("cannot create " + plugins, e);
    }
    Commands.check(
        List.of("tar", "-xzf", archive.toString(), "-C", plugins.toString()),
        config.home(),
        Duration.ofMinutes(2));
  }

  @Override
  protected List<String> mainAndArguments() {
    return List.of(
        "org.apache.kafka.connect.cli.ConnectDistributed",
        dir().resolve("connect-distributed.properties").toString());
  }

  /** Ready once the worker has joined its group and lists the Debezium plugin. */
  @Override
  protected boolean answers() {
    return HttpProbe.get(endpoint() + "/connectors").map(body -> body.startsWith("[")).orElse(false)
        && HttpProbe.get(endpoint() + "/connector-plugins")
            .map(body -> body.contains(DEBEZIUM_CONNECTOR))
            .orElse(false);
  }

  @Override
  protected int[] ports() {
    return new int[] {config.connectPort()};
  }

  @Override
  protected Duration startTimeout() {
    return Duration.ofMinutes(3);
  }
}
