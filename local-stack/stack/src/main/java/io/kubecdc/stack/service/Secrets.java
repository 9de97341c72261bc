package io.kubecdc.stack.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Generated credentials of the local stack, kept only in files readable by their owner: {@code
 * secrets/<service>/password} and {@code secrets/<service>/username} (one file per key, like a
 * mounted Kubernetes Secret: Connect's {@code dir} provider and {@code kubecdc run --secrets} read
 * this layout) and {@code secrets/<service>.properties} (for Connect's {@code file} provider).
 * Never printed.
 */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  public static Path passwordFile(Path secrets, String service) {
    return secrets.resolve(service).resolve("password");
  }

  public static Path propertiesFile(Path secrets, String service) {
    return secrets.resolve(service + ".properties");
  }

  /**
   * Creates the service's password once; later calls keep it. Writes the user name next to it when
   * it is not there yet (stacks made before it was written get it at their next start). Returns the
   * password.
   */
  static String ensure(Path secrets, String service, String user) {
    Path file = passwordFile(secrets, service);
    try {
      if (Files.isRegularFile(file)) {
        Path userFile = file.resolveSibling("username");
        if (!Files.isRegularFile(userFile)) {
          writePrivate(userFile, user);
        }
        return Files.readString(file).trim();
      }
      createPrivateDir(secrets);
      createPrivateDir(file.getParent());
      byte[] bytes = new byte[18];
      RANDOM.nextBytes(bytes);
      String password = HexFormat.of().formatHex(bytes);
      writePrivate(file, password);
      writePrivate(file.resolveSibling("username"), user);
      writePrivate(propertiesFile(secrets, service), "password=" + password + "\n");
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write secrets under " + secrets, e);
    }
  }

  /** Reads a password created by {@link #ensure}. */
  public static String read(Path secrets, String service) {
    try {
      return Files.readString(passwordFile(secrets, service)).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("no " + service + " password yet: run the stack's up", e);
    }
  }

  private static void createPrivateDir(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
  }

  /** Writes {@code text} into a file created readable and writable by its owner only. */
  public static void writePrivate(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text);
  }
}
