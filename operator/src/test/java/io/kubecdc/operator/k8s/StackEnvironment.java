package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.SourceConnection;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.stack.StackEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fixtures' Secrets and CdcEnvironment, pointed at the real local stack, in a namespace of the
 * mock API server: for driver tests with the real core. Kafka Connect cannot read Kubernetes
 * Secrets here, so each Secret is also written as files under the stack's secrets folder, as a
 * Secret mounted into Connect would be, and the environment references them through Connect's
 * {@code dir} provider.
 */
final class StackEnvironment implements AutoCloseable {
  static final String SOURCE_SECRET = "shop-cdc";
  static final String CLICKHOUSE_SECRET = "ch-writer";

  private final MockOperator k8s;
  private final StackEndpoints stack;
  private final Path mounted;

  StackEnvironment(MockOperator k8s, StackEndpoints stack) {
    this.k8s = k8s;
    this.stack = stack;
    this.mounted = stack.secrets().resolve("mounted");
  }

  /**
   * The ClickHouse Secret, the source Secret with {@code sourcePassword} for the stack's superuser
   * (Connect's copy gets the right one, as if its mount had caught up), and the environment with
   * the source at {@code host:port}.
   */
  void create(String ns, String host, int port, String sourcePassword) {
    secret(ns, CLICKHOUSE_SECRET, Map.of("user", "default", "pass", stack.clickhousePassword()));
    secret(ns, SOURCE_SECRET, Map.of("username", "postgres", "password", sourcePassword));
    mount(ns, SOURCE_SECRET, Map.of("username", "postgres", "password", stack.postgresPassword()));
    CdcEnvironment env = load("environment", CdcEnvironment.class);
    env.getMetadata().setNamespace(ns);
    SourceConnection source = env.getSpec().getSources().get("shop");
    source.setHost(host);
    source.setPort(port);
    source.setDatabase("postgres");
    source.setSslMode(SourceConnection.SslMode.DISABLE);
    env.getSpec().getKafka().setBootstrapServers(stack.kafkaBootstrap());
    env.getSpec().getConnect().setUrl(stack.connectUrl());
    env.getSpec()
        .getConnect()
        .setSecretReference("${dir:" + mounted + "/{namespace}/{name}:{key}}");
    env.getSpec().getClickhouse().setUrl(stack.clickhouseUrl());
    k8s.client.resource(env).create();
  }

  /** The environment on the stack's own PostgreSQL, with the right password. */
  void create(String ns) {
    create(ns, stack.postgresHost(), stack.postgresPort(), stack.postgresPassword());
  }

  /** Changes the source password in the Kubernetes Secret (what a user fixing it does). */
  void setSourcePassword(String ns, String password) {
    k8s.client
        .secrets()
        .inNamespace(ns)
        .withName(SOURCE_SECRET)
        .edit(
            s -> {
              s.setData(null);
              s.setStringData(Map.of("username", "postgres", "password", password));
              return s;
            });
  }

  /**
   * The fixture pipeline {@code name}, capturing {@code tables} into ClickHouse {@code database}.
   */
  CdcPipeline pipeline(String ns, String name, String database, String... tables) {
    CdcPipeline p = load("pipeline", CdcPipeline.class);
    p.getMetadata().setNamespace(ns);
    p.getMetadata().setName(name);
    p.getSpec().getClickhouse().setDatabase(database);
    p.getSpec().getSource().getTables().clear();
    for (String t : tables) {
      TableSpec spec = new TableSpec();
      spec.setName(t);
      p.getSpec().getSource().getTables().add(spec);
    }
    return p;
  }

  private void secret(String ns, String name, Map<String, String> values) {
    Secret s =
        new SecretBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .endMetadata()
            .withStringData(values)
            .build();
    k8s.client.resource(s).create();
  }

  private void mount(String ns, String name, Map<String, String> values) {
    try {
      Path dir = Files.createDirectories(mounted.resolve(ns).resolve(name));
      for (var e : values.entrySet()) {
        io.kubecdc.stack.service.Secrets.writePrivate(dir.resolve(e.getKey()), e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T load(String fixture, Class<T> type) {
    try (InputStream in = getClass().getResourceAsStream("/k8s/" + fixture + ".yaml")) {
      return k8s.client.getKubernetesSerialization().unmarshal(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the files that stood for mounted Secrets. */
  @Override
  public void close() throws IOException {
    if (!Files.exists(mounted)) {
      return;
    }
    try (Stream<Path> files = Files.walk(mounted)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
