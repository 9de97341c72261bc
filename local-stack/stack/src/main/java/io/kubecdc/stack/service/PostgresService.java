package io.kubecdc.stack.service;

import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.StackEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A private PostgreSQL cluster from the machine's packages with {@code wal_level=logical},
 * listening on loopback only. As root (initdb refuses root) it runs as the {@code postgres} user.
 */
public final class PostgresService implements Service {
  /** What change data capture needs of the server; slots for many pipelines at once. */
  static final String SETTINGS =
      """
      wal_level = logical
      max_replication_slots = 32
      max_wal_senders = 32
      """;

  private final StackConfig config;
  private final PostgresCluster cluster;

  public PostgresService(StackConfig config) {
    this.config = config;
    this.cluster =
        new PostgresCluster(PostgresInstall.locate(config.home()), config.postgresPort());
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String endpoint() {
    return jdbcUrl(config);
  }

  public static String jdbcUrl(StackConfig config) {
    return "jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/postgres";
  }

  @Override
  public Path log() {
    return cluster.log();
  }

  @Override
  public State state() {
    if (!cluster.initialized()) {
      return State.STOPPED;
    }
    if (cluster.running()) {
      return State.RUNNING;
    }
    return Files.exists(cluster.data().resolve("postmaster.pid")) ? State.CRASHED : State.STOPPED;
  }

  @Override
  public void start() {
    Ports.requireFree(name(), config.postgresPort());
    String password = Secrets.ensure(config.secrets(), "postgres", StackEndpoints.POSTGRES_USER);
    if (!cluster.initialized()) {
      cluster.initialize(password);
    }
    cluster.start(SETTINGS);
  }

  @Override
  public void stop() {
    cluster.stop();
  }
}
