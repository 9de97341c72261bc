package io.kubecdc.stack.service;

import io.kubecdc.stack.StackException;
import io.kubecdc.stack.process.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where PostgreSQL's programs are and as whom they run. Debian installs them under {@code
 * /usr/lib/postgresql/<major>/bin}, off the PATH. As root everything runs as {@code postgres}; if
 * that user cannot reach the stack folder (a home under /root, a private temp folder), the cluster
 * lives under /var/tmp and the stack folder links to it.
 */
final class PostgresInstall {
  private static final String USER = "postgres";
  private final Path bin;
  private final String runAs;
  private final Path link;

  private PostgresInstall(Path bin, String runAs, Path link) {
    this.bin = bin;
    this.runAs = runAs;
    this.link = link;
  }

  static PostgresInstall locate(Path home) {
    boolean root = "root".equals(System.getProperty("user.name"));
    return new PostgresInstall(findBin(), root ? USER : null, home.resolve("postgres"));
  }

  /** The cluster's folder: the stack's {@code postgres/} or the folder it links to. */
  Path root() {
    try {
      return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link) : link;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void prepareRoot() {
    if (Files.isDirectory(root())) {
      return;
    }
    try {
      Files.createDirectories(link);
      if (runAs != null) {
        chownToPostgres(link);
        if (!Commands.run(
                Commands.as(runAs, List.of("test", "-w", link.toString())),
                link,
                Duration.ofSeconds(10))
            .ok()) {
          Files.delete(link);
          Path outside = Path.of("/var/tmp", "kubecdc-postgres-" + hash(link));
          Files.createDirectories(outside);
          chownToPostgres(outside);
          Files.createSymbolicLink(link, outside);
        }
      }
      Files.createDirectories(root().resolve("log"));
      if (runAs != null) {
        chownToPostgres(root().resolve("log"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + link, e);
    }
  }

  /** Writes a file the postgres user owns (configuration read by the server). */
  void writeOwned(Path file, String text) {
    ConfigFiles.write(file, text);
    if (runAs != null) {
      chownToPostgres(file);
    }
  }

  List<String> command(String program, String... args) {
    List<String> command = new ArrayList<>();
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    return Commands.as(runAs, command);
  }

  private void chownToPostgres(Path path) {
    Commands.check(
        List.of("chown", "-R", USER + ":", path.toString()),
        path.getParent(),
        Duration.ofMinutes(1));
  }

  private static Path findBin() {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        var found =
            versions
                .map(v -> v.resolve("bin"))
                .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                .max(Comparator.comparing(b -> versionOf(b.getParent())));
        if (found.isPresent()) {
          return found.get();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String dir : pathDirs()) {
      if (Files.isExecutable(Path.of(dir, "pg_ctl"))) {
        return Path.of(dir);
      }
    }
    throw new StackException(
        "PostgreSQL is not installed (no pg_ctl under /usr/lib/postgresql/*/bin or on the PATH):"
            + " run bin/setup, or apt-get install postgresql");
  }

  private static String[] pathDirs() {
    String path = System.getenv("PATH");
    return path == null ? new String[0] : path.split(":");
  }

  private static int versionOf(Path dir) {
    try {
      return Integer.parseInt(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String hash(Path path) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(path.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
