package io.kubecdc.operator.standalone;

import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.operator.core.CoreResult;
import io.kubecdc.operator.core.PipelineCore;
import io.kubecdc.operator.core.PipelineRequest;
import io.kubecdc.operator.core.TeardownResult;
import io.kubecdc.operator.status.Observation;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A core for the standalone driver's tests: the parts before the sink ready and a worker config,
 * unless the test sets the connector's state or an exception for the next calls; every table with
 * the lag and freshness the test sets, in database {@code analytics}.
 */
final class ScriptedCore implements PipelineCore {
  final AtomicInteger calls = new AtomicInteger();
  volatile PartState connector = PartState.ready(Part.CONNECTOR, "ConnectorRunning", "1/1 tasks");
  volatile RuntimeException failure;
  volatile long lag;

  /** Freshness per table name; a table not in it has none (unknown). */
  volatile java.util.Map<String, Long> freshness = java.util.Map.of();

  /** The request of the last call. */
  volatile PipelineRequest last;

  @Override
  public CoreResult reconcile(PipelineRequest request) {
    calls.incrementAndGet();
    last = request;
    if (failure != null) {
      throw failure;
    }
    List<TableStatus> tables = new ArrayList<>();
    for (TableSpec t : request.spec().getSource().getTables()) {
      TableStatus s = new TableStatus();
      s.setName(t.getName());
      s.setClickhouseTable("analytics." + t.getName());
      s.setLag(lag);
      s.setFreshnessSeconds(freshness.get(t.getName()));
      tables.add(s);
    }
    Observation obs =
        Observation.of(
            List.of(
                PartState.ready(Part.SOURCE, "SourceChecked", "ok"),
                PartState.ready(Part.TOPICS, "TopicsReady", "ok"),
                PartState.ready(Part.TABLES, "TablesReady", "ok"),
                connector));
    return new CoreResult(
        obs, tables, Optional.empty(), Optional.empty(), Optional.of("kafka: {groupId: g}\n"));
  }

  @Override
  public TeardownResult teardown(PipelineRequest request) {
    return new TeardownResult(List.of(), List.of());
  }
}
