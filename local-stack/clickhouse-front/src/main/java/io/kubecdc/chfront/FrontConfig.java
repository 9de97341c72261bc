package io.kubecdc.chfront;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to start a front.
 *
 * @param host interface to bind
 * @param port port to bind, 0 for any free port
 * @param dataPath engine data folder (persistent)
 * @param library path to libchdb.so
 * @param password password of user {@code default}; empty for none
 */
public record FrontConfig(String host, int port, Path dataPath, Path library, String password) {

  /** Environment variable holding the password when no {@code --password-file} is given. */
  public static final String PASSWORD_ENV = "KUBECDC_CHFRONT_PASSWORD";

  public FrontConfig {
    password = password == null ? "" : password;
  }

  @Override
  public String toString() {
    return "FrontConfig[host="
        + host
        + ", port="
        + port
        + ", dataPath="
        + dataPath
        + ", library="
        + library
        + ", password="
        + (password.isEmpty() ? "<none>" : "<set>")
        + "]";
  }

  /**
   * Parses {@code --host H --port P --path DIR --lib FILE [--password-file FILE]}.
   *
   * @param env the process environment, read for {@link #PASSWORD_ENV} only
   */
  public static FrontConfig parse(String[] args, Map<String, String> env) throws IOException {
    String host = "127.0.0.1";
    int port = 8123;
    Path path = null;
    Path lib = null;
    String password = env.getOrDefault(PASSWORD_ENV, "");
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--host" -> host = require(args[i], value);
        case "--port" -> port = Integer.parseInt(require(args[i], value));
        case "--path" -> path = Path.of(require(args[i], value));
        case "--lib" -> lib = Path.of(require(args[i], value));
        case "--password-file" -> password = readPassword(Path.of(require(args[i], value)));
        default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + usage());
      }
      i++;
    }
    if (path == null || lib == null) {
      throw new IllegalArgumentException("--path and --lib are required\n" + usage());
    }
    return new FrontConfig(host, port, path, lib, password);
  }

  private static String readPassword(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value\n" + usage());
    }
    return value;
  }

  static String usage() {
    return "usage: ClickHouseFront --host 127.0.0.1 --port 8123 --path <data dir>"
        + " --lib <libchdb.so> [--password-file <file>]";
  }
}
