package io.kubecdc.operator.standalone;

import io.kubecdc.contract.PipelineNames;
import io.kubecdc.operator.cleanup.Leftover;
import io.kubecdc.operator.core.DefaultPipelineCore;
import io.kubecdc.operator.core.PipelineRequest;
import io.kubecdc.operator.core.TeardownResult;
import io.kubecdc.operator.metrics.OperatorMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The standalone driver of the reconcile core: the same manifests as in a cluster, Secrets from
 * files, the state folder in place of ConfigMaps and mounted Secrets, the sink-worker as a local
 * process. Several pipelines run side by side, each with its own core, worker, port and folder.
 */
public final class Standalone {
  private Standalone() {}

  /** Loads and checks everything, writes the password files; nothing runs until {@code run()}. */
  public static RunLoop runLoop(RunSettings settings, PrintStream out) {
    StateDir state = new StateDir(settings.stateDir());
    List<PipelineRun> runs = new ArrayList<>();
    OperatorMetrics metrics = new OperatorMetrics();
    FileSecrets secrets = new FileSecrets(settings.secrets());
    ManifestReload reload = ManifestReload.read(settings.files(), secrets);
    Manifests manifests = reload.manifests();
    for (PipelineRequest request : StandaloneRequests.of(manifests, secrets)) {
      PipelineNames names = request.names();
      GenerationHistory history = GenerationHistory.inFile(state.generations(names));
      ManifestReload.checkNotLowered(
          request,
          history.highestVersion(),
          manifests.whereIs(request.namespace(), request.name()));
      Path password = state.passwordFile(names);
      StateDir.writePrivate(password, request.secrets().clickhouse().password());
      var launcher = new LocalWorkerLauncher(settings.workerClassPath());
      int firstPort = freePort();
      AtomicBoolean portTaken = new AtomicBoolean();
      GenerationWorkers workers =
          new GenerationWorkers(
              v ->
                  supervisor(
                      launcher,
                      state,
                      names,
                      v,
                      portTaken.getAndSet(true) ? freePort() : firstPort),
              firstPort);
      runs.add(
          new PipelineRun(
              request,
              core(password),
              workers,
              new SqlRowCounts(),
              Clock.systemUTC(),
              metrics,
              state,
              history));
    }
    RunLoop loop =
        new RunLoop(
            runs,
            settings.period(),
            settings.onceTimeout(),
            out,
            Clock.systemUTC(),
            Optional.of(reload));
    if (settings.metricsPort().isPresent()) {
      loop.serveMetrics(settings.metricsPort().getAsInt(), metrics);
    }
    return loop;
  }

  /**
   * Tears every pipeline of the files down and prints what was removed and what is left behind.
   * Returns 0 when nothing is left, 1 otherwise. A pipeline's state folder goes with it.
   */
  public static int delete(RunSettings settings, PrintStream out) {
    StateDir state = new StateDir(settings.stateDir());
    boolean complete = true;
    for (PipelineRequest request : requests(settings)) {
      PipelineNames names = request.names();
      TeardownResult result = core(state.passwordFile(names)).teardown(request);
      out.println(request.namespace() + "/" + request.name() + ":");
      result.done().forEach(d -> out.println("  removed: " + d));
      for (Leftover l : result.leftovers()) {
        out.println(
            "  LEFT BEHIND: " + l.what() + " (" + l.why() + "); remove: " + l.howToRemove());
      }
      if (result.complete()) {
        removeTree(state.pipeline(names));
        out.println("  removed: state folder " + state.pipeline(names));
      }
      complete &= result.complete();
    }
    return complete ? 0 : 1;
  }

  private static List<PipelineRequest> requests(RunSettings settings) {
    return StandaloneRequests.of(
        ManifestLoader.load(settings.files()), new FileSecrets(settings.secrets()));
  }

  private static DefaultPipelineCore core(Path passwordFile) {
    return new DefaultPipelineCore(
        passwordFile.toString(), DefaultPipelineCore.SLOT_WAL_WARNING_BYTES);
  }

  private static WorkerSupervisor supervisor(
      WorkerLauncher launcher, StateDir state, PipelineNames names, int version, int port) {
    return new WorkerSupervisor(
        launcher,
        new HttpSinkProbe(port),
        state.workerConfig(names, version),
        state.workerLog(names, version),
        port);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the sink-worker", e);
    }
  }

  private static void removeTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
