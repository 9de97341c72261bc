package io.kubecdc.operator.k8s;

import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.operator.core.CoreResult;
import io.kubecdc.operator.core.PipelineCore;
import io.kubecdc.operator.core.PipelineRequest;
import io.kubecdc.operator.core.TeardownResult;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Figures of the operator with the real core on the real local stack: N pipelines (default 20) of
 * one empty table each (so no snapshot time) applied at once, with the operator's default settings.
 * Real: PostgreSQL, Kafka, Kafka Connect with Debezium, ClickHouse. Kubernetes side: the fabric8
 * mock server in the same JVM, with a stand-in Deployment controller that reports the workers ready
 * at once; no worker process runs, so Ready means every core part ready and the worker config
 * rendered. Prints apply -> Ready (p50, p95), core calls per pipeline per minute at idle, heap and
 * RSS; asserts nothing about time. {@code -Dbench.pipelines=N}, {@code -Dbench.idleSeconds=S}.
 */
@Tag("benchmark")
@ExtendWith(LocalStackExtension.class)
class StackBenchmark {
  private static final int N = Integer.getInteger("bench.pipelines", 20);
  private static final Duration IDLE =
      Duration.ofSeconds(Integer.getInteger("bench.idleSeconds", 180));
  private static final Duration READY = Duration.ofMinutes(5);
  private static final CountingCore core = new CountingCore(OperatorMain.defaultCore());

  @RegisterExtension static final MockOperator k8s = new MockOperator(Map.of(), core);

  @Test
  void shouldPrintApplyToReadyIdleReconcilesAndMemory(StackEndpoints stack) throws Exception {
    String schema = "bench_" + UUID.randomUUID().toString().substring(0, 8);
    String ns = k8s.namespace();
    List<CdcPipeline> pipelines = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        Statement s = c.createStatement();
        StackEnvironment envs = new StackEnvironment(k8s, stack);
        var workers = BenchSupport.readyWorkers(k8s, ns)) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute("CREATE TABLE " + schema + ".warmup (id int PRIMARY KEY, v text)");
      for (int i = 0; i < N; i++) {
        s.execute("CREATE TABLE " + schema + ".t" + i + " (id int PRIMARY KEY, v text)");
        pipelines.add(envs.pipeline(ns, "p" + i, schema, schema + ".t" + i));
      }
      envs.create(ns);
      try {
        // a running operator is warm: the first reconcile's class loading is not what users wait on
        var warmup = envs.pipeline(ns, "warmup", schema, schema + ".warmup");
        long warm = BenchSupport.applyAndAwaitReady(k8s, ns, List.of(warmup), READY).get(0);
        core.reset();
        long t0 = System.nanoTime();
        List<Long> ms = BenchSupport.applyAndAwaitReady(k8s, ns, pipelines, READY);
        System.out.printf(
            "stack apply_to_ready pipelines=%d p50_ms=%d p95_ms=%d max_ms=%d all_ms=%d"
                + " core_calls=%d core_call_mean_ms=%d warmup_ms=%d %s%n",
            N,
            BenchSupport.quantile(ms, 0.5),
            BenchSupport.quantile(ms, 0.95),
            ms.get(ms.size() - 1),
            (System.nanoTime() - t0) / 1_000_000,
            core.calls.get(),
            core.meanMillis(),
            warm,
            BenchSupport.load());
        double idle = BenchSupport.idleCallsPerPipelinePerMinute(core.calls::get, N + 1, IDLE);
        System.out.printf(
            "stack idle_ready core_calls_per_pipeline_per_min=%.2f resync=60s window_s=%d %s"
                + " (operator, real core and mock server in one JVM)%n",
            idle, IDLE.toSeconds(), BenchSupport.memory());
      } finally {
        deleteAll(ns);
      }
    }
  }

  /** The real teardown, so that no slot or connector outlives the benchmark. */
  private static void deleteAll(String ns) {
    k8s.client.resources(CdcPipeline.class).inNamespace(ns).delete();
    await()
        .atMost(Duration.ofMinutes(3))
        .until(
            () -> k8s.client.resources(CdcPipeline.class).inNamespace(ns).list().getItems(),
            List::isEmpty);
  }

  /** The real core, counting its reconciles and the time they take. */
  private record CountingCore(PipelineCore real, AtomicLong calls, AtomicLong nanos)
      implements PipelineCore {
    CountingCore(PipelineCore real) {
      this(real, new AtomicLong(), new AtomicLong());
    }

    void reset() {
      calls.set(0);
      nanos.set(0);
    }

    long meanMillis() {
      return calls.get() == 0 ? 0 : nanos.get() / calls.get() / 1_000_000;
    }

    @Override
    public CoreResult reconcile(PipelineRequest request) {
      long t0 = System.nanoTime();
      try {
        return real.reconcile(request);
      } finally {
        calls.incrementAndGet();
        nanos.addAndGet(System.nanoTime() - t0);
      }
    }

    @Override
    public TeardownResult teardown(PipelineRequest request) {
      return real.teardown(request);
    }
  }
}
