package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubecdc.api.crd.v1alpha1.GenerationState;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.operator.cleanup.Leftover;
import io.kubecdc.operator.core.CoreResult;
import io.kubecdc.operator.core.PipelineCore;
import io.kubecdc.operator.core.PipelineRequest;
import io.kubecdc.operator.core.TeardownResult;
import io.kubecdc.operator.core.WorkerConfig;
import io.kubecdc.operator.status.Observation;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A test double of the core for the driver's tests: every part ready, a worker config derived from
 * the spec (so a spec change changes it), canned teardown results; it records every request and
 * whether the worker Deployment still existed when teardown was called.
 */
final class FakeCore implements PipelineCore {
  final List<PipelineRequest> requests = new CopyOnWriteArrayList<>();

  /** One entry per teardown call: {@code <namespace> deployment=<present|gone>}. */
  final List<String> teardowns = new CopyOnWriteArrayList<>();

  volatile Function<PipelineRequest, List<Leftover>> leftovers = r -> List.of();

  /** Namespaces whose reconcile throws, as an unknown failure (a bug, an outage) would. */
  final Set<String> failing = ConcurrentHashMap.newKeySet();

  /** Per namespace: how its tables look instead (a table dropped at the source, dead letters). */
  final Map<String, UnaryOperator<List<TableStatus>>> tablesIn = new ConcurrentHashMap<>();

  /** Lag per table by namespace (3 when not set: never caught up). */
  final Map<String, Long> lag = new ConcurrentHashMap<>();

  /**
   * The live checkpoint generation per namespace (1 unless a test says otherwise): while the spec's
   * version is higher, the fake builds that generation beside it and returns both workers.
   */
  final Map<String, Integer> live = new ConcurrentHashMap<>();

  private volatile KubernetesClient client;

  void watch(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public CoreResult reconcile(PipelineRequest request) {
    requests.add(request);
    if (failing.contains(request.namespace())) {
      throw new IllegalStateException("unexpected failure in the core");
    }
    var tables =
        tablesIn
            .getOrDefault(request.namespace(), UnaryOperator.identity())
            .apply(
                request.spec().getSource().getTables().stream()
                    .map(t -> table(t, lag.getOrDefault(request.namespace(), 3L)))
                    .toList());
    var observation =
        Observation.of(
            List.of(
                PartState.ready(Part.SOURCE, "SourceReady", "ok"),
                PartState.ready(Part.TOPICS, "TopicsReady", "ok"),
                PartState.ready(Part.TABLES, "TablesReady", "ok"),
                PartState.ready(Part.CONNECTOR, "ConnectorRunning", "ok")));
    String config =
        "pipeline: "
            + request.namespace()
            + "/"
            + request.name()
            + "\nclickhouse:\n  user: "
            + request.secrets().clickhouse().user()
            + "\n  passwordFile: "
            + SinkInputs.PASSWORD_FILE
            + "\nbatch:\n  maxRows: "
            + request.spec().getSink().getBatch().getMaxRows()
            + "\n";
    int target = request.spec().getCheckpoint().getVersion();
    int liveVersion = Math.min(live.getOrDefault(request.namespace(), 1), target);
    List<WorkerConfig> workers = new ArrayList<>();
    List<GenerationStatus> generations = new ArrayList<>();
    for (int v = Math.max(1, liveVersion - 1); v <= target; v++) {
      GenerationStatus g = new GenerationStatus();
      g.setVersion(v);
      g.setState(
          v < liveVersion
              ? GenerationState.Retired
              : v == liveVersion ? GenerationState.Live : GenerationState.Building);
      generations.add(g);
      if (v >= liveVersion && (v == liveVersion || v == target)) {
        workers.add(new WorkerConfig(v, config + "generation: " + v + "\n"));
      }
    }
    return new CoreResult(
        observation, tables, Optional.empty(), Optional.empty(), workers, generations);
  }

  @Override
  public TeardownResult teardown(PipelineRequest request) {
    requests.add(request);
    String name = request.names().sinkWorkload();
    boolean present =
        client.apps().deployments().inNamespace(request.namespace()).withName(name).get() != null;
    teardowns.add(request.namespace() + " deployment=" + (present ? "present" : "gone"));
    return new TeardownResult(List.of("connector"), leftovers.apply(request));
  }

  long callsFor(String namespace) {
    return requests.stream().filter(r -> r.namespace().equals(namespace)).count();
  }

  /** The last request for {@code namespace}, if any. */
  Optional<PipelineRequest> last(String namespace) {
    return requests.stream().filter(r -> r.namespace().equals(namespace)).reduce((a, b) -> b);
  }

  private static TableStatus table(TableSpec spec, long lag) {
    TableStatus t = new TableStatus();
    t.setName(spec.getName());
    t.setTopic("topic." + spec.getName());
    t.setClickhouseTable("analytics." + spec.getName().replace('.', '_'));
    t.setLag(lag);
    return t;
  }
}
