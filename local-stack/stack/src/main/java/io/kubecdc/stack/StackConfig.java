package io.kubecdc.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the local stack lives and listens, loaded once: command-line options win over environment
 * variables ({@code KUBECDC_STACK_*}), which win over what the stack folder recorded at its first
 * start, which wins over the defaults. Ports are recorded at the first {@code up} so that {@code
 * down} and {@code status} find what was started without repeating the options.
 */
public record StackConfig(
    Path home,
    int postgresPort,
    int kafkaPort,
    int kafkaControllerPort,
    int connectPort,
    int clickhousePort,
    Path chdbLibrary,
    KubeSettings kube,
    StackLayout layout) {

  static final String RECORD_FILE = "stack.properties";

  /** Option names as used on the command line ({@code --pg-port}), in env and in the record. */
  enum Key {
    HOME("home", null),
    PG_PORT("pg-port", "15432"),
    KAFKA_PORT("kafka-port", "19092"),
    KAFKA_CONTROLLER_PORT("kafka-controller-port", "19093"),
    CONNECT_PORT("connect-port", "18083"),
    CLICKHOUSE_PORT("clickhouse-port", "18123"),
    CHDB_LIB("chdb-lib", null),
    KUBE_PORT("kube-port", "16443"),
    KUBE_ETCD_PORT("kube-etcd-port", "12379"),
    KUBE_ETCD_PEER_PORT("kube-etcd-peer-port", "12380"),
    KUBE_CONTROLLER_MANAGER_PORT("kube-controller-manager-port", "16444"),
    KUBE_BIN("kube-bin", null);

    final String option;
    final String defaultValue;

    Key(String option, String defaultValue) {
      this.option = option;
      this.defaultValue = defaultValue;
    }

    String envName() {
      return "KUBECDC_STACK_" + name();
    }
  }

  /** Loads the configuration from options (may be empty) and the process environment. */
  public static StackConfig load(Map<String, String> options) {
    return load(options, System.getenv(), StackLayout.fromBuild());
  }

  static StackConfig load(
      Map<String, String> options, Map<String, String> env, StackLayout layout) {
    String homeValue = first(options.get(Key.HOME.option), env.get(Key.HOME.envName()));
    Path home =
        homeValue != null
            ? Path.of(homeValue).toAbsolutePath().normalize()
            : layout.repoRoot().resolve(".stack");
    Properties recorded = readRecord(home);
    java.util.function.Function<Key, String> value =
        key ->
            first(
                options.get(key.option),
                env.get(key.envName()),
                recorded.getProperty(key.option),
                key.defaultValue);
    String lib = value.apply(Key.CHDB_LIB);
    String kubeBin = value.apply(Key.KUBE_BIN);
    return new StackConfig(
        home,
        port(Key.PG_PORT, value.apply(Key.PG_PORT)),
        port(Key.KAFKA_PORT, value.apply(Key.KAFKA_PORT)),
        port(Key.KAFKA_CONTROLLER_PORT, value.apply(Key.KAFKA_CONTROLLER_PORT)),
        port(Key.CONNECT_PORT, value.apply(Key.CONNECT_PORT)),
        port(Key.CLICKHOUSE_PORT, value.apply(Key.CLICKHOUSE_PORT)),
        lib != null ? Path.of(lib).toAbsolutePath() : layout.defaultChdbLibrary(),
        new KubeSettings(
            port(Key.KUBE_PORT, value.apply(Key.KUBE_PORT)),
            port(Key.KUBE_ETCD_PORT, value.apply(Key.KUBE_ETCD_PORT)),
            port(Key.KUBE_ETCD_PEER_PORT, value.apply(Key.KUBE_ETCD_PEER_PORT)),
            port(Key.KUBE_CONTROLLER_MANAGER_PORT, value.apply(Key.KUBE_CONTROLLER_MANAGER_PORT)),
            kubeBin != null ? Path.of(kubeBin).toAbsolutePath() : null),
        layout);
  }

  /** Records ports and paths in the stack folder, so later commands reuse them. */
  void record() {
    Properties p = new Properties();
    p.setProperty(Key.PG_PORT.option, Integer.toString(postgresPort));
    p.setProperty(Key.KAFKA_PORT.option, Integer.toString(kafkaPort));
    p.setProperty(Key.KAFKA_CONTROLLER_PORT.option, Integer.toString(kafkaControllerPort));
    p.setProperty(Key.CONNECT_PORT.option, Integer.toString(connectPort));
    p.setProperty(Key.CLICKHOUSE_PORT.option, Integer.toString(clickhousePort));
    p.setProperty(Key.CHDB_LIB.option, chdbLibrary.toString());
    p.setProperty(Key.KUBE_PORT.option, Integer.toString(kube.apiserverPort()));
    p.setProperty(Key.KUBE_ETCD_PORT.option, Integer.toString(kube.etcdPort()));
    p.setProperty(Key.KUBE_ETCD_PEER_PORT.option, Integer.toString(kube.etcdPeerPort()));
    p.setProperty(
        Key.KUBE_CONTROLLER_MANAGER_PORT.option, Integer.toString(kube.controllerManagerPort()));
    if (kube.binaries() != null) {
      p.setProperty(Key.KUBE_BIN.option, kube.binaries().toString());
    }
    try (var out = Files.newOutputStream(home.resolve(RECORD_FILE))) {
      p.store(out, "KubeCDC local stack: recorded at the first up; edit or pass options to change");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Where the {@code kube} service listens and which binaries it runs; {@code binaries} is null
   * when {@code local-stack/kube/build-kube} decides (its cache outside the clone).
   */
  public record KubeSettings(
      int apiserverPort,
      int etcdPort,
      int etcdPeerPort,
      int controllerManagerPort,
      Path binaries) {}

  public Path logs() {
    return home.resolve("logs");
  }

  public Path secrets() {
    return home.resolve("secrets");
  }

  private static Properties readRecord(Path home) {
    Properties p = new Properties();
    Path file = home.resolve(RECORD_FILE);
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return p;
  }

  private static int port(Key key, String text) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new StackException(
          "--"
              + key.option
              + " (or "
              + key.envName()
              + ") must be a port number, got '"
              + text
              + "'");
    }
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
