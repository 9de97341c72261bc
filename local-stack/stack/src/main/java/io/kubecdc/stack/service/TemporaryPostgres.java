package io.kubecdc.stack.service;

import io.kubecdc.stack.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second, throw-away PostgreSQL server for tests that need settings the stack's own server must
 * not have (e.g. {@code wal_level = replica}, one replication slot): same Debian binaries, a fresh
 * cluster in a temporary folder, a free loopback port, superuser {@code postgres} with the given
 * password. Closing it stops the server and deletes its folder. {@code try (var pg =
 * TemporaryPostgres.start(pw, "wal_level = replica\n")) {...}}
 */
public final class TemporaryPostgres implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TemporaryPostgres.class);
  private final Path home;
  private final PostgresInstall install;
  private final PostgresCluster cluster;
  private final String settings;
  private final int port;

  private TemporaryPostgres(Path home, int port, String settings) {
    this.home = home;
    this.install = PostgresInstall.locate(home);
    this.cluster = new PostgresCluster(install, port);
    this.settings = settings;
    this.port = port;
  }

  /**
   * Creates and starts the server; {@code settings} are postgresql.conf lines, and {@code ALTER
   * SYSTEM} overrides them as on any server.
   */
  public static TemporaryPostgres start(String password, String settings) {
    long t0 = System.nanoTime();
    TemporaryPostgres pg;
    try {
      pg =
          new TemporaryPostgres(
              Files.createTempDirectory("kubecdc-pg-"), FreePorts.any(), settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      pg.cluster.initialize(password);
      pg.cluster.start(settings);
    } catch (RuntimeException e) {
      pg.close();
      throw e;
    }
    LOG.info(
        "event=temporary_postgres_started port={} ms={}",
        pg.port,
        (System.nanoTime() - t0) / 1_000_000);
    return pg;
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  /** The {@code postgres} database, where the superuser connects. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host() + ":" + port + "/postgres";
  }

  /** Stops and starts the server, e.g. so that an {@code ALTER SYSTEM} of wal_level applies. */
  public void restart() {
    cluster.stop();
    cluster.start(settings);
  }

  @Override
  public void close() {
    try {
      cluster.stop();
    } finally {
      deleteTree(install.root());
      deleteTree(home);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("event=temporary_postgres_not_deleted folder={} error={}", root, e.getMessage());
    }
  }
}
