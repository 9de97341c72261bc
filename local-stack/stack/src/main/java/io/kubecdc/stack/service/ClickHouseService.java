package io.kubecdc.stack.service;

import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.StackException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * The real ClickHouse engine (chDB) behind the project's HTTP front. Test and demo infrastructure
 * only: production and kind use clickhouse-server.
 */
public final class ClickHouseService extends JavaService {

  public ClickHouseService(StackConfig config) {
    super(config, "clickhouse");
  }

  @Override
  public String endpoint() {
    return url(config);
  }

  public static String url(StackConfig config) {
    return "http://127.0.0.1:" + config.clickhousePort();
  }

  @Override
  protected void prepare() {
    if (!Files.isRegularFile(config.chdbLibrary())) {
      throw new StackException(
          "the ClickHouse engine library is missing: "
              + config.chdbLibrary()
              + "\n  install it with bin/setup (npm ci --prefix tools/chdb), or point"
              + " --chdb-lib / KUBECDC_STACK_CHDB_LIB at a libchdb.so");
    }
    if (!Files.isDirectory(config.layout().frontClasses())) {
      throw new StackException(
          "the ClickHouse front is not built: "
              + config.layout().frontClasses()
              + " (run ./mvnw package)");
    }
    Secrets.ensure(config.secrets(), "clickhouse", StackEndpoints.CLICKHOUSE_USER);
  }

  @Override
  protected List<String> jvmOptions() {
    // inserts of 32 MiB values (LargeValuesIT) held several copies of a body: 512 MiB ran out
    return List.of("-Xms64m", "-Xmx2g", "-XX:+UseG1GC");
  }

  @Override
  protected String classPath() {
    return config.layout().frontClasses() + ":" + config.layout().frontLib() + "/*";
  }

  @Override
  protected List<String> mainAndArguments() {
    return List.of(
        "io.kubecdc.chfront.ClickHouseFront",
        "--host",
        "127.0.0.1",
        "--port",
        Integer.toString(config.clickhousePort()),
        "--path",
        config.home().resolve("clickhouse/data").toString(),
        "--lib",
        config.chdbLibrary().toString(),
        "--password-file",
        Secrets.passwordFile(config.secrets(), "clickhouse").toString());
  }

  @Override
  protected boolean answers() {
    return HttpProbe.get(endpoint() + "/ping").map(body -> body.startsWith("Ok.")).orElse(false);
  }

  @Override
  protected int[] ports() {
    return new int[] {config.clickhousePort()};
  }

  @Override
  protected Duration startTimeout() {
    return Duration.ofMinutes(2);
  }
}
