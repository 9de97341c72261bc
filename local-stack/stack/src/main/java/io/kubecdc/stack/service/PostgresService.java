package io.kubecdc.stack.service;

import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.StackException;
import io.kubecdc.stack.process.Commands;
import io.kubecdc.stack.process.LogTail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A private PostgreSQL cluster from the machine's packages with {@code wal_level=logical},
 * listening on loopback only. As root (initdb refuses root) it runs as the {@code postgres} user.
 */
public final class PostgresService implements Service {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private final StackConfig config;
  private final PostgresInstall install;

  public PostgresService(StackConfig config) {
    this.config = config;
    this.install = PostgresInstall.locate(config.home());
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

  private Path data() {
    return install.root().resolve("data");
  }

  @Override
  public Path log() {
    return install.root().resolve("log/postgres.log");
  }

  @Override
  public State state() {
    if (!Files.exists(data().resolve("PG_VERSION"))) {
      return State.STOPPED;
    }
    if (pgCtl("status").ok()) {
      return State.RUNNING;
    }
    return Files.exists(data().resolve("postmaster.pid")) ? State.CRASHED : State.STOPPED;
  }

  @Override
  public void start() {
    Ports.requireFree(name(), config.postgresPort());
    install.prepareRoot();
    if (!Files.exists(data().resolve("PG_VERSION"))) {
      initialize();
    }
    Secrets.ensure(config.secrets(), "postgres", StackEndpoints.POSTGRES_USER);
    writeSettings();
    Commands.Result r =
        pgCtl("start", "-w", "-t", Long.toString(TIMEOUT.toSeconds()), "-l", log().toString());
    if (!r.ok() || !ready()) {
      throw new StackException(
          "postgres did not start:\n" + r.output().strip() + "\n" + LogTail.of(log(), 30));
    }
  }

  private void initialize() {
    String password = Secrets.ensure(config.secrets(), "postgres", StackEndpoints.POSTGRES_USER);
    Path pwfile = install.root().resolve("initdb.pw");
    install.writeOwned(pwfile, password);
    try {
      Commands.check(
          install.command(
              "initdb",
              "-D",
              data().toString(),
              "-U",
              "postgres",
              "--pwfile=" + pwfile,
              "--auth-local=trust",
              "--auth-host=scram-sha-256",
              "-E",
              "UTF8",
              "--no-locale"),
          install.root(),
          TIMEOUT);
    } finally {
      deleteQuietly(pwfile);
    }
    appendInclude();
  }

  private void appendInclude() {
    Path conf = data().resolve("postgresql.conf");
    try {
      Files.writeString(
          conf,
          "\n# KubeCDC local stack settings\ninclude_if_exists = 'kubecdc.conf'\n",
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewritten at every start so that a changed port takes effect. */
  private void writeSettings() {
    String settings =
        """
        listen_addresses = '127.0.0.1'
        port = %d
        unix_socket_directories = ''
        wal_level = logical
        max_replication_slots = 32
        max_wal_senders = 32
        timezone = 'UTC'
        # a throw-away cluster: an OS crash may lose it, a process crash cannot
        fsync = off
        full_page_writes = off
        """
            .formatted(config.postgresPort());
    install.writeOwned(data().resolve("kubecdc.conf"), settings);
  }

  private boolean ready() {
    return Commands.run(
            install.command(
                "pg_isready", "-h", "127.0.0.1", "-p", Integer.toString(config.postgresPort())),
            install.root(),
            Duration.ofSeconds(30))
        .ok();
  }

  @Override
  public void stop() {
    if (state() == State.RUNNING) {
      Commands.Result r = pgCtl("stop", "-m", "fast", "-w", "-t", "60");
      if (!r.ok()) {
        throw new StackException("postgres did not stop: " + r.output().strip());
      }
    }
  }

  private Commands.Result pgCtl(String action, String... args) {
    List<String> rest = new java.util.ArrayList<>(List.of(action, "-D", data().toString()));
    rest.addAll(List.of(args));
    return Commands.run(
        install.command("pg_ctl", rest.toArray(String[]::new)), install.root(), TIMEOUT);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover password file stays private to the postgres user
    }
  }
}
