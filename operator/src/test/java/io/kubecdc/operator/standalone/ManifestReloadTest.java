package io.kubecdc.operator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.GenerationState;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubecdc run} following edits of its manifest: the loop of a real run (files, Secrets
 * folder, state folder) on a scripted core, edited while it runs.
 */
class ManifestReloadTest {
  /** ManifestLoaderTest's pipeline with a checkpoint version to fill in. */
  private static final String PIPELINE =
      ManifestLoaderTest.PIPELINE + "  checkpoint: {version: %d}\n";

  @TempDir Path dir;
  final ScriptedCore core = new ScriptedCore();
  final FakeWorkers workers = new FakeWorkers();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  Path pipeline;
  Path secrets;
  StateDir state;
  LoopThread running;

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("environment.yaml"), ManifestLoaderTest.ENVIRONMENT);
    pipeline = Files.writeString(dir.resolve("pipeline.yaml"), PIPELINE.formatted(2));
    secrets = dir.resolve("secrets");
    for (String s : List.of("pg", "ch")) {
      Files.createDirectories(secrets.resolve(s));
      Files.writeString(secrets.resolve(s).resolve("username"), "u-" + s);
      Files.writeString(secrets.resolve(s).resolve("password"), "pw-" + s + "\n");
    }
    state = new StateDir(dir.resolve("state"));
  }

  private List<Path> paths() {
    return List.of(dir.resolve("environment.yaml"), pipeline);
  }

  /** Starts the loop on a thread, checking every 20 ms, as {@code kubecdc run} without --once. */
  private void start() {
    ManifestReload reload = ManifestReload.read(paths(), new FileSecrets(secrets));
    var request = StandaloneRequests.of(reload.manifests(), new FileSecrets(secrets)).get(0);
    RowCounts counts = r -> List.of(new RowCounts.Counts(OptionalLong.of(1), OptionalLong.of(1)));
    PipelineRun run = workers.run(request, core, counts, dir, state, GenerationHistory.inMemory());
    RunLoop loop =
        new RunLoop(
            List.of(run),
            Duration.ofMillis(20),
            Optional.empty(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            Clock.systemUTC(),
            Optional.of(reload));
    running = LoopThread.start(loop, "kubecdc-run");
    await().atMost(Duration.ofSeconds(10)).until(() -> core.calls.get() >= 1);
  }

  @AfterEach
  void stop() throws Exception {
    if (running != null) {
      running.stop();
    }
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private int version() {
    return core.last.spec().getCheckpoint().getVersion();
  }

  /**
   * Edits the pipeline file as an editor saves it (a new file moved in place, so that no check
   * reads it half written), then waits for more checks, so that the edit was seen.
   */
  private void edit(String text) throws Exception {
    Path tmp = Files.writeString(dir.resolve("pipeline.yaml.tmp"), text);
    Files.move(tmp, pipeline, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    int calls = core.calls.get();
    await().atMost(Duration.ofSeconds(10)).until(() -> core.calls.get() >= calls + 3);
  }

  private StatusFile.Snapshot status() {
    return StatusFile.read(state.root()).get(0);
  }

  @Test
  void shouldApplyARaisedVersionAtTheNextCheckAsTheNextGeneration() throws Exception {
    start();
    assertThat(version()).isEqualTo(2);
    assertThat(core.last.generation()).isEqualTo(1);

    edit(PIPELINE.formatted(3));

    assertThat(version()).isEqualTo(3);
    assertThat(core.last.generation()).isEqualTo(2);
    assertThat(printed())
        .containsOnlyOnce("applied the edited files to default/orders (generation 2)");
    assertThat(status().pipeline().getSpec().getCheckpoint().getVersion()).isEqualTo(3);
    assertThat(status().pipeline().getStatus().getObservedGeneration()).isEqualTo(2);

    edit(PIPELINE.formatted(3) + "# a comment only\n");
    assertThat(core.last.generation()).as("the spec did not change").isEqualTo(2);
    assertThat(printed()).contains("the files changed, no pipeline did");
  }

  @Test
  void shouldKeepTheRunningSpecOnAnInvalidEditSayWhyOnceAndApplyTheFix() throws Exception {
    start();

    edit(PIPELINE.formatted(1));
    assertThat(version()).as("still the running spec").isEqualTo(2);
    String lowered =
        pipeline
            + " (document 1), CdcPipeline default/orders: spec.checkpoint.version: checkpoint.version"
            + " can only be raised";
    assertThat(printed())
        .containsOnlyOnce("kubecdc run: edit NOT applied, the pipelines keep their running spec: ")
        .contains(lowered);
    assertThat(status().notApplied()).contains(lowered);
    assertThat(StateNotes.of(status()))
        .singleElement()
        .asString()
        .startsWith("default/orders edit NOT applied, running the previous spec: " + pipeline);

    edit("spec: [not: closed");
    assertThat(version()).isEqualTo(2);
    assertThat(status().notApplied()).startsWith(pipeline + ": not readable YAML");

    edit(PIPELINE.formatted(2).replace("name: shop,", "name: other,"));
    assertThat(status().notApplied())
        .contains("spec.source.name: source.name is immutable")
        .contains(pipeline.toString());

    edit(PIPELINE.formatted(4));
    assertThat(version()).isEqualTo(4);
    assertThat(status().notApplied()).isNull();
    assertThat(StateNotes.of(status())).isEmpty();
    assertThat(printed()).containsOnlyOnce("applied the edited files");
  }

  @Test
  void shouldRefuseAPipelineAddedWhileRunning() throws Exception {
    start();
    edit(
        PIPELINE.formatted(2)
            + "---\n"
            + PIPELINE.formatted(1).replace("{name: orders}", "{name: refunds}"));
    assertThat(status().notApplied())
        .isEqualTo("pipelines added [default/refunds] or removed []: restart kubecdc run for that");
  }

  @Test
  void shouldRefuseToStartWithAVersionBelowOneThatRanBefore() throws Exception {
    GenerationStatus ran = new GenerationStatus();
    ran.setVersion(3);
    ran.setState(GenerationState.Live);
    var names = new io.kubecdc.contract.PipelineNames("default", "orders");
    GenerationHistory.inFile(state.generations(names)).save(List.of(ran));
    RunSettings settings =
        new RunSettings(
            paths(),
            secrets,
            state.root(),
            Duration.ofSeconds(1),
            Optional.empty(),
            "unused",
            OptionalInt.empty());
    Supplier<RunLoop> run = () -> Standalone.runLoop(settings, new PrintStream(out));

    assertThatThrownBy(run::get)
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            pipeline
                + " (document 1), CdcPipeline default/orders: spec.checkpoint.version 2 is lower than 3,"
                + " which already ran: checkpoint.version can only be raised");

    Files.writeString(pipeline, PIPELINE.formatted(3));
    run.get().close();
  }
}
