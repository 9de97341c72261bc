package io.kubecdc.sink.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets of the worker, loaded once at start from mounted files and environment variables
 * (never from the YAML). {@link #toString()} never shows them.
 */
public final class WorkerEnvironment {
  public static final String CLICKHOUSE_PASSWORD = "CLICKHOUSE_PASSWORD";
  public static final String KAFKA_SASL_JAAS_CONFIG = "KAFKA_SASL_JAAS_CONFIG";

  private final String clickhousePassword;
  private final String kafkaSaslJaasConfig;

  public WorkerEnvironment(String clickhousePassword, String kafkaSaslJaasConfig) {
    this.clickhousePassword = clickhousePassword;
    this.kafkaSaslJaasConfig = kafkaSaslJaasConfig;
  }

  /** Password from {@code clickhouse.passwordFile} if set, else env; JAAS from env. */
  public static WorkerEnvironment load(SinkConfig config, Map<String, String> env)
      throws ConfigException {
    String password = blankToNull(env.get(CLICKHOUSE_PASSWORD));
    String file = config.clickhouse().passwordFile();
    if (file != null && !file.isBlank()) {
      try {
        password = Files.readString(Path.of(file)).strip();
      } catch (IOException e) {
        throw new ConfigException("clickhouse.passwordFile: cannot read " + file);
      }
    }
    return new WorkerEnvironment(password, blankToNull(env.get(KAFKA_SASL_JAAS_CONFIG)));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The ClickHouse password; empty string when none is configured. */
  public String clickhousePassword() {
    return clickhousePassword == null ? "" : clickhousePassword;
  }

  public Optional<String> kafkaSaslJaasConfig() {
    return Optional.ofNullable(kafkaSaslJaasConfig);
  }

  @Override
  public String toString() {
    return "WorkerEnvironment[clickhousePassword="
        + (clickhousePassword == null ? "none" : "***")
        + ", kafkaSaslJaasConfig="
        + (kafkaSaslJaasConfig == null ? "none" : "***")
        + "]";
  }
}
