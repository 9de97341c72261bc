package io.kubecdc.stack.service;

import io.kubecdc.stack.StackException;
import io.kubecdc.stack.process.Commands;
import io.kubecdc.stack.process.LogTail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One PostgreSQL cluster (a data folder and its server) run with the machine's binaries: what the
 * stack's postgres service and {@link TemporaryPostgres} share. Settings go to {@code
 * kubecdc.conf}, rewritten at every start and included by {@code postgresql.conf}, so that {@code
 * ALTER SYSTEM} (written to {@code postgresql.auto.conf}, read last) still overrides them, as on a
 * user's server.
 */
final class PostgresCluster {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private final PostgresInstall install;
  private final int port;

  PostgresCluster(PostgresInstall install, int port) {
    this.install = install;
    this.port = port;
  }

  Path data() {
    return install.root().resolve("data");
  }

  Path log() {
    return install.root().resolve("log/postgres.log");
  }

  boolean initialized() {
    return Files.exists(data().resolve("PG_VERSION"));
  }

  boolean running() {
    return initialized() && pgCtl("status").ok();
  }

  /** initdb with superuser {@code postgres} and {@code password}, password auth over TCP. */
  void initialize(String password) {
    install.prepareRoot();
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
              "--no-locale",
              "--no-sync"),
          install.root(),
          TIMEOUT);
      Files.writeString(
          data().resolve("postgresql.conf"),
          "\n# KubeCDC local stack settings\ninclude_if_exists = 'kubecdc.conf'\n",
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(pwfile);
      } catch (IOException ignored) {
        // a leftover password file stays private to the postgres user
      }
    }
  }

  /** Writes {@code settings} (postgresql.conf lines) after the loopback-only basics and starts. */
  void start(String settings) {
    String conf =
        """
        listen_addresses = '127.0.0.1'
        port = %d
        unix_socket_directories = ''
        timezone = 'UTC'
        # a throw-away cluster: an OS crash may lose it, a process crash cannot
        fsync = off
        full_page_writes = off
        """
                .formatted(port)
            + settings;
    install.writeOwned(data().resolve("kubecdc.conf"), conf);
    Commands.Result r =
        pgCtl("start", "-w", "-t", Long.toString(TIMEOUT.toSeconds()), "-l", log().toString());
    if (!r.ok() || !ready()) {
      throw new StackException(
          "postgres did not start:\n" + r.output().strip() + "\n" + LogTail.of(log(), 30));
    }
  }

  void stop() {
    if (running()) {
      Commands.Result r = pgCtl("stop", "-m", "fast", "-w", "-t", "60");
      if (!r.ok()) {
        throw new StackException("postgres did not stop: " + r.output().strip());
      }
    }
  }

  private boolean ready() {
    return Commands.run(
            install.command("pg_isready", "-h", "127.0.0.1", "-p", Integer.toString(port)),
            install.root(),
            Duration.ofSeconds(30))
        .ok();
  }

  private Commands.Result pgCtl(String action, String... args) {
    List<String> rest = new ArrayList<>(List.of(action, "-D", data().toString()));
    rest.addAll(List.of(args));
    return Commands.run(
        install.command("pg_ctl", rest.toArray(String[]::new)), install.root(), TIMEOUT);
  }
}
