package io.kubecdc.operator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.PipelineNames;
import io.kubecdc.operator.cli.KubecdcCommand;
import io.kubecdc.operator.core.StackPipeline;
import io.kubecdc.stack.StackEndpoints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code kubecdc run} of one pipeline on the local stack, in this JVM on a thread of its own as a
 * user leaves it running in a terminal, with the manifest files a user edits: pipeline {@code
 * it/<id>} capturing table {@code <id>.orders} into ClickHouse database {@code <id>}, old tables
 * dropped one second after a switch. What it prints is kept; {@link #kubecdc} runs the command line
 * from "another shell". Closing stops the run and deletes the pipeline.
 */
final class StackRun implements AutoCloseable {
  private static final String ENVIRONMENT =
      """
      apiVersion: kubecdc.io/v1alpha1
      kind: CdcEnvironment
      metadata: {name: stack, namespace: it}
      spec:
        sources:
          shop:
            host: %s
            port: %d
            database: postgres
            credentialsSecret: {name: postgres}
            sslMode: disable
        kafka: {bootstrapServers: "%s"}
        connect: {url: "%s", secretReference: "${dir:{secretsDir}/{name}:{key}}"}
        clickhouse: {url: "%s", credentialsSecret: {name: clickhouse}}
      """;
  private static final String PIPELINE =
      """
      apiVersion: kubecdc.io/v1alpha1
      kind: CdcPipeline
      metadata: {name: %1$s, namespace: it}
      spec:
        environment: stack
        source: {name: shop, tables: [{name: %1$s.orders}]}
        clickhouse: {database: %1$s}
        sink: {batch: {maxDelayMs: 100}}
        deletionPolicy: {topics: Delete, tables: Delete}
        checkpoint:
          version: %2$d
          cutover: {previousTables: Drop, retainPreviousFor: 1s, maxRowDifferencePercent: %3$s}
      """;

  private final String id;
  private final Path dir;
  private final Path pipelineFile;
  private final RunSettings settings;
  private final double maxRowDifferencePercent;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private LoopThread running;

  /**
   * @param maxRowDifferencePercent the cutover's row tolerance (a rebuild that recovers dead
   *     letters needs more than the default 1)
   */
  StackRun(StackEndpoints stack, Path dir, String id, double maxRowDifferencePercent)
      throws IOException {
    this.id = id;
    this.dir = dir;
    this.maxRowDifferencePercent = maxRowDifferencePercent;
    Path environment =
        Files.writeString(
            dir.resolve("environment.yaml"),
            ENVIRONMENT.formatted(
                stack.postgresHost(),
                stack.postgresPort(),
                stack.kafkaBootstrap(),
                stack.connectUrl(),
                stack.clickhouseUrl()));
    this.pipelineFile = dir.resolve("pipeline.yaml");
    writeVersion(1);
    this.settings =
        new RunSettings(
            List.of(environment, pipelineFile),
            stack.secrets(),
            dir.resolve("state"),
            Duration.ofSeconds(1),
            Optional.empty(),
            StackPipeline.workerClassPath(),
            OptionalInt.empty());
  }

  /** Starts the run (again after {@link #stop}); call once the source table exists. */
  void start() {
    running = LoopThread.start(Standalone.runLoop(settings, out), "kubecdc-run-" + id);
  }

  /**
   * Sets {@code spec.checkpoint.version} in the pipeline file as an editor saves it (a new file
   * moved in place).
   */
  void writeVersion(int version) throws IOException {
    Path tmp =
        Files.writeString(
            dir.resolve("pipeline.yaml.tmp"),
            PIPELINE.formatted(id, version, Double.toString(maxRowDifferencePercent)));
    Files.move(
        tmp, pipelineFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Everything the run printed so far. */
  String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** The run's state folder of the pipeline (worker configs and logs, generations.json). */
  Path pipelineState() {
    return new StateDir(settings.stateDir()).pipeline(new PipelineNames("it", id));
  }

  /** {@code kubecdc status --state-dir <state>}: what it printed; it must exit 0. */
  String status() {
    return kubecdc("status", "--state-dir", settings.stateDir().toString());
  }

  /** A {@code kubecdc} command line; what it printed, it must exit 0. */
  static String kubecdc(String... args) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int exit =
        KubecdcCommand.execute(new PrintStream(b, true, StandardCharsets.UTF_8), System.err, args);
    String text = b.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isZero();
    return text;
  }

  /** Whether a sink-worker process runs with this config file (the run's own or another's). */
  static boolean workerRunsWith(Path config) {
    return ProcessHandle.allProcesses()
        .anyMatch(
            p -> p.info().commandLine().map(c -> c.contains(config.toString())).orElse(false));
  }

  /** Stops the run and waits for it, as Ctrl-C does; the state folder stays for a restart. */
  void stop() throws InterruptedException {
    if (running != null) {
      running.stop();
      running = null;
    }
  }

  @Override
  public void close() throws Exception {
    stop();
    System.out.println(printed());
    keepLogs();
    assertThat(Standalone.delete(settings, out)).as(printed()).isZero();
  }

  /** The workers' logs under target/it-logs/<id>, to read after a failure. */
  private void keepLogs() throws IOException {
    Path to = Files.createDirectories(Path.of("target", "it-logs", id));
    if (Files.isDirectory(pipelineState())) {
      try (var logs = Files.newDirectoryStream(pipelineState(), "*.log")) {
        for (Path log : logs) {
          Files.copy(log, to.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
