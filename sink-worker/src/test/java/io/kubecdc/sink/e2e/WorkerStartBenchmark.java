package io.kubecdc.sink.e2e;

import static org.awaitility.Awaitility.await;

import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold start of the worker: from starting its JVM to ready ({@code /readyz} 200) and to its first
 * acknowledged insert, with 1,000 change events waiting in its topic and a fresh consumer group
 * each time. JVM variants run alternately, {@code bench.starts} times each, so that a busy machine
 * hurts them alike: the worker as deployed; with the class-data sharing archive the build makes
 * ({@code -Pcds}, {@code target/sink-worker.jsa}); and with one of the classes a real first run
 * loaded (dumped with {@code jcmd VM.cds dynamic_dump}), the most an archive can give. Prints min,
 * median and max per variant; asserts nothing about time. Run with bin/bench.
 */
@Tag("benchmark")
@ExtendWith(LocalStackExtension.class)
class WorkerStartBenchmark {
  private static final int STARTS = Integer.getInteger("bench.starts", 5);
  private static final int EVENTS = 1000;

  @TempDir Path dir;

  @Test
  void shouldPrintTheTimeToReadyAndToTheFirstInsert(StackEndpoints stack) throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      CdcFixture.TargetTable target = KafkaToClickHouseBenchmark.preload(f, EVENTS).target();
      Path archive = dir.resolve("sink-worker.jsa");
      Map<String, List<String>> variants = new LinkedHashMap<>();
      variants.put("as deployed", List.of());
      Path built = Path.of("target/sink-worker.jsa").toAbsolutePath();
      if (Files.exists(built)) { // made by the build with -Pcds
        variants.put("build archive", List.of("-XX:SharedArchiveFile=" + built));
      }
      variants.put("run archive", List.of("-XX:SharedArchiveFile=" + archive));
      Start training = start(f, target, List.of("-XX:+RecordDynamicDumpInfo"), archive);
      System.out.printf(
          "cold start: training run %s, archive %d MB%n", training, Files.size(archive) >> 20);
      Map<String, List<Start>> results = new LinkedHashMap<>();
      for (int i = 0; i < STARTS; i++) {
        for (var v : variants.entrySet()) {
          results
              .computeIfAbsent(v.getKey(), k -> new ArrayList<>())
              .add(start(f, target, v.getValue(), null));
        }
      }
      results.forEach((name, starts) -> print(name, starts));
    }
  }

  /**
   * One start with a fresh group: times to ready and first insert, then SIGTERM. With {@code
   * archive}, the classes loaded so far are dumped there first ({@code jcmd VM.cds dynamic_dump},
   * JDK 17: the worker's SIGTERM ends in {@code Runtime.halt}, which skips ArchiveClassesAtExit).
   */
  private static Start start(
      CdcFixture f, CdcFixture.TargetTable target, List<String> jvm, Path archive)
      throws Exception {
    f.nextCheckpoint();
    int port = CdcFixture.freePort();
    Path config = f.workerConfig(List.of(target), port, "");
    WorkerProcess worker = f.worker(config, port);
    long t0 = System.nanoTime();
    try (worker) {
      worker.start(jvm);
      worker.awaitReady();
      long ready = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> worker.metric("kubecdc_sink_rows_written_total") > 0);
      long inserted = System.nanoTime();
      if (archive != null) {
        dumpClasses(worker, archive);
      }
      worker.terminate();
      String started =
          Files.readAllLines(worker.log()).stream()
              .filter(l -> l.contains("event=started"))
              .reduce((a, b) -> b)
              .map(l -> l.substring(l.indexOf("jvm_ms=")))
              .orElse("?");
      return new Start((ready - t0) / 1_000_000, (inserted - t0) / 1_000_000, started);
    }
  }

  private static void dumpClasses(WorkerProcess worker, Path archive) throws Exception {
    long pid = worker.pid();
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(
                jcmd.toString(), Long.toString(pid), "VM.cds", "dynamic_dump", archive.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0 || !Files.exists(archive)) {
      throw new IllegalStateException(
          "jcmd VM.cds dynamic_dump failed: " + out + Files.readString(worker.log()));
    }
  }

  private static void print(String variant, List<Start> starts) {
    long[] ready = starts.stream().mapToLong(Start::readyMs).sorted().toArray();
    long[] insert = starts.stream().mapToLong(Start::firstInsertMs).sorted().toArray();
    System.out.printf(
        "cold start %-15s %d starts: ready %d..%d ms (median %d), first insert %d..%d ms (median %d)%n",
        variant + ":",
        starts.size(),
        ready[0],
        ready[ready.length - 1],
        ready[ready.length / 2],
        insert[0],
        insert[insert.length - 1],
        insert[insert.length / 2]);
    starts.forEach(s -> System.out.println("cold start " + variant + ": " + s));
  }

  record Start(long readyMs, long firstInsertMs, String workerSteps) {
    @Override
    public String toString() {
      return "ready "
          + readyMs
          + " ms, first insert "
          + firstInsertMs
          + " ms ("
          + workerSteps
          + ")";
    }
  }
}
