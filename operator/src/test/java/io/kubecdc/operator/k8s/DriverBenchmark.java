package io.kubecdc.operator.k8s;

import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Figures of the Kubernetes driver alone: N pipelines (default 100) on the mock API server with the
 * core's test double (nothing outside Kubernetes is real; the mock server shares the JVM) and a
 * stand-in Deployment controller that reports the workers ready at once: apply -> Ready (p50, p95),
 * core calls per pipeline per minute at idle over a few resync periods, heap and RSS. Prints,
 * asserts nothing about time. {@code -Dbench.pipelines=N}, {@code -Dbench.idleSeconds=S} (180).
 */
@Tag("benchmark")
class DriverBenchmark {
  private static final int N = Integer.getInteger("bench.pipelines", 100);
  private static final Duration IDLE =
      Duration.ofSeconds(Integer.getInteger("bench.idleSeconds", 180));

  @RegisterExtension
  static final MockOperator k8s = new MockOperator(Map.of(OperatorConfig.RESYNC, "60s"));

  @Test
  void shouldPrintApplyToReadyIdleReconcilesAndMemory() {
    String ns = k8s.namespace();
    k8s.apply("secrets", ns);
    k8s.apply("environment", ns);
    List<CdcPipeline> pipelines = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      CdcPipeline p = k8s.pipeline(ns);
      p.getMetadata().setName("p" + i);
      pipelines.add(p);
    }
    try (var workers = BenchSupport.readyWorkers(k8s, ns)) {
      long t0 = System.nanoTime();
      List<Long> ms = BenchSupport.applyAndAwaitReady(k8s, ns, pipelines, Duration.ofMinutes(5));
      System.out.printf(
          "driver apply_to_ready pipelines=%d p50_ms=%d p95_ms=%d max_ms=%d all_ms=%d %s%n",
          N,
          BenchSupport.quantile(ms, 0.5),
          BenchSupport.quantile(ms, 0.95),
          ms.get(ms.size() - 1),
          (System.nanoTime() - t0) / 1_000_000,
          BenchSupport.load());
      double idle =
          BenchSupport.idleCallsPerPipelinePerMinute(() -> k8s.core.callsFor(ns), N, IDLE);
      System.out.printf(
          "driver idle_ready core_calls_per_pipeline_per_min=%.2f resync=60s window_s=%d %s"
              + " (operator and mock server in one JVM)%n",
          idle, IDLE.toSeconds(), BenchSupport.memory());
    }
  }
}
