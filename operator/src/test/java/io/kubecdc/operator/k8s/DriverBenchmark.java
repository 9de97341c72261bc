package io.kubecdc.operator.k8s;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Figures of the Kubernetes driver alone: N pipelines on the mock API server with the core's test
 * double (so nothing outside Kubernetes is real, and the mock server shares the JVM): apply to
 * status with the worker Deployment created, core calls per pipeline per minute at idle, heap and
 * RSS. Prints, asserts nothing about time. {@code -Dbench.pipelines=N} (default 100).
 */
@Tag("benchmark")
class DriverBenchmark {
  private static final int N = Integer.getInteger("bench.pipelines", 100);
  private static final Duration IDLE =
      Duration.ofSeconds(Integer.getInteger("bench.idleSeconds", 60));

  @RegisterExtension
  static final MockOperator k8s = new MockOperator(Map.of(OperatorConfig.RESYNC, "60s"));

  @Test
  void shouldPrintApplyToStatusIdleReconcilesAndMemory() throws IOException {
    String ns = k8s.namespace();
    k8s.apply("secrets", ns);
    k8s.apply("environment", ns);
    Map<String, Long> created = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    for (int i = 0; i < N; i++) {
      CdcPipeline p = k8s.pipeline(ns);
      p.getMetadata().setName("p" + i);
      created.put("p" + i, System.nanoTime());
      k8s.client.resource(p).create();
    }
    Map<String, Long> done = new ConcurrentHashMap<>();
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              long now = System.nanoTime();
              for (CdcPipeline p :
                  k8s.client.resources(CdcPipeline.class).inNamespace(ns).list().getItems()) {
                String name = p.getMetadata().getName();
                if (!done.containsKey(name) && p.getStatus() != null && hasDeployment(ns, name)) {
                  done.put(name, now - created.get(name));
                }
              }
              return done.size() == N;
            });
    long all = System.nanoTime() - start;
    List<Long> ms = new ArrayList<>(done.values().stream().map(n -> n / 1_000_000).toList());
    Collections.sort(ms);
    System.out.printf(
        "driver apply_to_status pipelines=%d p50_ms=%d p95_ms=%d all_ms=%d%n",
        N, ms.get(N / 2), ms.get((int) (N * 0.95) - 1), all / 1_000_000);

    for (int i = 0; i < N; i++) {
      k8s.markReady(ns, "p" + i + "-sink", 2);
    }
    await()
        .atMost(Duration.ofMinutes(3))
        .until(
            () ->
                k8s.client.resources(CdcPipeline.class).inNamespace(ns).list().getItems().stream()
                    .allMatch(p -> p.getStatus().getPhase() == Phase.Streaming));
    long before = k8s.core.callsFor(ns);
    await().pollDelay(IDLE).atMost(IDLE.plusSeconds(1)).until(() -> true);
    double perMinute = (k8s.core.callsFor(ns) - before) * 60.0 / IDLE.toSeconds() / N;
    System.gc();
    var rt = Runtime.getRuntime();
    System.out.printf(
        "driver idle_ready core_calls_per_pipeline_per_min=%.2f resync=60s window_s=%d"
            + " heap_used_mib=%d rss_mib=%d (operator and mock server in one JVM)%n",
        perMinute, IDLE.toSeconds(), (rt.totalMemory() - rt.freeMemory()) >> 20, rssKib() >> 10);
  }

  private static boolean hasDeployment(String ns, String pipeline) {
    Deployment d =
        k8s.client.apps().deployments().inNamespace(ns).withName(pipeline + "-sink").get();
    return d != null;
  }

  private static long rssKib() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("VmRSS:"))
        .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
        .findFirst()
        .orElse(-1L);
  }
}
