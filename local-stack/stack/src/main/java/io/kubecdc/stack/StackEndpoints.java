package io.kubecdc.stack;

import io.kubecdc.stack.service.ClickHouseService;
import io.kubecdc.stack.service.ConnectService;
import io.kubecdc.stack.service.KafkaService;
import io.kubecdc.stack.service.KubeService;
import io.kubecdc.stack.service.Secrets;
import java.nio.file.Path;

/**
 * How to reach the running stack: what tests and the demo need. Passwords are read from the stack's
 * secret files on demand and are never part of {@link #toString()}.
 */
public record StackEndpoints(
    int postgresPort,
    String kafkaBootstrap,
    String connectUrl,
    String clickhouseUrl,
    Path secrets,
    String kubeServerUrl,
    Path kubeconfig,
    Path kubectl) {
  public static final String POSTGRES_USER = "postgres";
  public static final String CLICKHOUSE_USER = "default";

  public static StackEndpoints of(StackConfig config) {
    return new StackEndpoints(
        config.postgresPort(),
        KafkaService.bootstrap(config),
        ConnectService.url(config),
        ClickHouseService.url(config),
        config.secrets(),
        KubeService.serverUrl(config),
        KubeService.kubeconfig(config),
        KubeService.kubectl(config));
  }

  public String postgresHost() {
    return "127.0.0.1";
  }

  public String postgresJdbcUrl() {
    return "jdbc:postgresql://" + postgresHost() + ":" + postgresPort + "/postgres";
  }

  public String postgresUser() {
    return POSTGRES_USER;
  }

  public String postgresPassword() {
    return Secrets.read(secrets, "postgres");
  }

  /** A connector-config value that makes Connect read the password from the secret file. */
  public String postgresPasswordReference() {
    return "${file:" + Secrets.propertiesFile(secrets, "postgres") + ":password}";
  }

  public String clickhouseUser() {
    return CLICKHOUSE_USER;
  }

  public String clickhousePassword() {
    return Secrets.read(secrets, "clickhouse");
  }
}
