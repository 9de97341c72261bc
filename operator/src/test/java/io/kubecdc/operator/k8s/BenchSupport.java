package io.kubecdc.operator.k8s;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What the operator benchmarks share: apply pipelines and time each until Ready, count calls of the
 * core at idle, read heap and RSS, and stand in for the Deployment controller and kubelets that the
 * mock API server lacks (so that Ready does not wait for a test to mark workers ready).
 */
final class BenchSupport {
  private BenchSupport() {}

  /**
   * Marks every worker Deployment of {@code ns} ready as soon as it appears or its replicas change,
   * as a Deployment controller with instantly ready pods would. Stop it with {@code close()}.
   */
  static SharedIndexInformer<Deployment> readyWorkers(MockOperator k8s, String ns) {
    return k8s.client
        .apps()
        .deployments()
        .inNamespace(ns)
        .inform(
            handler(
                d -> {
                  int want = Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
                  var s = d.getStatus();
                  if (s == null || !Objects.equals(s.getReadyReplicas(), want)) {
                    k8s.markReady(ns, d.getMetadata().getName(), want);
                  }
                }));
  }

  /**
   * Creates the pipelines one by one and returns each one's create -> Ready=True time in ms, as a
   * watch sees it (so that the time it takes to create the others is not counted).
   */
  static List<Long> applyAndAwaitReady(
      MockOperator k8s, String ns, List<CdcPipeline> pipelines, Duration atMost) {
    Map<String, Long> created = new ConcurrentHashMap<>();
    Map<String, Long> ready = new ConcurrentHashMap<>();
    Consumer<CdcPipeline> seen =
        p -> {
          Long start = created.get(p.getMetadata().getName());
          boolean isReady =
              StatusMapper.ready(p.getStatus())
                  .map(c -> "True".equals(c.getStatus()))
                  .orElse(false);
          if (start != null && isReady) {
            ready.putIfAbsent(p.getMetadata().getName(), (System.nanoTime() - start) / 1_000_000);
          }
        };
    try (var watch =
        k8s.client.resources(CdcPipeline.class).inNamespace(ns).inform(handler(seen))) {
      for (CdcPipeline p : pipelines) {
        created.put(p.getMetadata().getName(), System.nanoTime());
        k8s.client.resource(p).create();
      }
      await().atMost(atMost).until(() -> ready.size() == pipelines.size());
    }
    List<Long> ms = new ArrayList<>(ready.values());
    Collections.sort(ms);
    return ms;
  }

  private static <T> ResourceEventHandler<T> handler(Consumer<T> seen) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T t) {
        seen.accept(t);
      }

      @Override
      public void onUpdate(T old, T t) {
        seen.accept(t);
      }

      @Override
      public void onDelete(T t, boolean unknown) {}
    };
  }

  /** The {@code q} quantile (nearest rank) of sorted values. */
  static long quantile(List<Long> sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** Calls of the core per pipeline per minute while nothing changes for {@code window}. */
  static double idleCallsPerPipelinePerMinute(LongSupplier calls, int pipelines, Duration window) {
    long before = calls.getAsLong();
    await().pollDelay(window).atMost(window.plusSeconds(5)).until(() -> true);
    return (calls.getAsLong() - before) * 60.0 / window.toSeconds() / pipelines;
  }

  /** The machine's load averages: the figures depend on what else runs. */
  static String load() {
    try {
      String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return "load=" + l[0] + "," + l[1] + "," + l[2];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Heap used after a GC, heap committed, and the JVM's resident set, in MiB. */
  static String memory() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return "heap_used_mib=%d heap_committed_mib=%d rss_mib=%d"
        .formatted(
            (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20, rssKib() >> 10);
  }

  private static long rssKib() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
          .findFirst()
          .orElse(-1L);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
