package io.kubecdc.chfront.it;

import com.clickhouse.client.api.Client;
import io.kubecdc.chfront.ClickHouseFront;
import io.kubecdc.chfront.FrontConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One front per test JVM, on a free port and a temporary data folder, with the real chDB. */
final class SharedFront {
  private static ClickHouseFront.Handle handle;

  private SharedFront() {}

  static synchronized int port() {
    if (handle == null) {
      try {
        Path data = Files.createTempDirectory("chfront-it-");
        handle = ClickHouseFront.start(new FrontConfig("127.0.0.1", 0, data, chdbLibrary(), ""));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(handle::close));
    }
    return handle.port();
  }

  static String url() {
    return "http://127.0.0.1:" + port();
  }

  /** A client-v2 builder for the shared front as user {@code default}, to add settings to. */
  static Client.Builder clientBuilder() {
    return new Client.Builder().addEndpoint(url()).setUsername("default").setPassword("");
  }

  /** System property kubecdc.chdb.lib, env KUBECDC_CHDB_LIB, or the copy under tools/chdb. */
  static Path chdbLibrary() {
    String configured = System.getProperty("kubecdc.chdb.lib");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("KUBECDC_CHDB_LIB");
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path relative = Path.of("tools/chdb/node_modules/@chdb/lib-linux-x64-gnu/libchdb.so");
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(
        "libchdb.so not found: set -Dkubecdc.chdb.lib or KUBECDC_CHDB_LIB, or install it under "
            + relative);
  }
}
