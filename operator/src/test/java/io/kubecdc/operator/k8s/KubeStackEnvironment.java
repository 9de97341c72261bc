package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubecdc.stack.StackEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack as a user of a cluster would describe it: the Secrets with the source's and
 * ClickHouse's credentials, and a CdcEnvironment naming them (fixtures in {@code k8s/e2e/}, with
 * the stack's addresses filled in). Kafka Connect resolves the environment's secret references with
 * its {@code file} provider, so the same values are written where the stack's Connect may read them
 * (what a Connect worker with the Secrets mounted has); {@link #close} removes those files.
 */
final class KubeStackEnvironment implements AutoCloseable {
  private final StackEndpoints stack;
  private final String schema;
  private final Path secretFiles;

  /** For the pipeline of the PostgreSQL schema (and ClickHouse database) {@code schema}. */
  KubeStackEnvironment(StackEndpoints stack, String schema) throws IOException {
    this.stack = stack;
    this.schema = schema;
    // the stack's Connect resolves file: references below its secrets folder only
    this.secretFiles = Files.createDirectories(stack.secrets().resolve(schema));
  }

  /** Creates the Secrets {@code pg-cdc} and {@code ch-writer} and the environment in {@code ns}. */
  void applyTo(KubernetesClient client, String ns) throws IOException {
    Map<String, String> pg =
        Map.of("username", stack.postgresUser(), "password", stack.postgresPassword());
    Map<String, String> ch =
        Map.of("username", stack.clickhouseUser(), "password", stack.clickhousePassword());
    for (var secret : Map.of("pg-cdc", pg, "ch-writer", ch).entrySet()) {
      client
          .secrets()
          .inNamespace(ns)
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName(secret.getKey())
                  .endMetadata()
                  .withStringData(secret.getValue())
                  .build())
          .create();
      Properties file = new Properties();
      file.putAll(secret.getValue());
      try (var out = Files.newOutputStream(secretFiles.resolve(secret.getKey() + ".properties"))) {
        file.store(out, null);
      }
    }
    client.resource(fixture("environment", HasMetadata.class)).inNamespace(ns).create();
  }

  /** The fixture {@code k8s/e2e/<name>.yaml} with the stack's addresses and the schema. */
  <T> T fixture(String name, Class<T> type) throws IOException {
    return new KubernetesSerialization().unmarshal(fixtureText(name), type);
  }

  /** The text of that fixture, as a user's manifest would be: defaults left out. */
  String fixtureText(String name) throws IOException {
    String yaml;
    try (InputStream in = getClass().getResourceAsStream("/k8s/e2e/" + name + ".yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    yaml =
        yaml.replace("@PG_PORT@", String.valueOf(stack.postgresPort()))
            .replace("@KAFKA@", stack.kafkaBootstrap())
            .replace("@CONNECT@", stack.connectUrl())
            .replace("@CLICKHOUSE@", stack.clickhouseUrl())
            .replace("@SECRET_DIR@", secretFiles.toString())
            .replace("@SCHEMA@", schema);
    return yaml;
  }

  @Override
  public void close() throws IOException {
    try (var files = Files.list(secretFiles)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(secretFiles);
  }
}
