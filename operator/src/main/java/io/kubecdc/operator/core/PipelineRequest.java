package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.CdcEnvironmentSpec;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import io.kubecdc.api.crd.v1alpha1.SourceConnection;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.operator.postgres.SourceEndpoint;
import io.kubecdc.operator.status.ConditionRecord;
import java.util.List;

/**
 * One pipeline as a driver hands it to the core: its identity and generation, the spec, the
 * environment it names (already found), the resolved credentials, and the conditions and checkpoint
 * generations of the last status, so that transition times and the generations' history survive
 * (which generation is live is read from ClickHouse, not from here).
 */
public record PipelineRequest(
    String namespace,
    String name,
    long generation,
    CdcPipelineSpec spec,
    CdcEnvironmentSpec environment,
    Secrets secrets,
    List<ConditionRecord> previousConditions,
    List<GenerationStatus> previousGenerations) {
  public PipelineRequest {
    previousConditions = List.copyOf(previousConditions);
    previousGenerations = List.copyOf(previousGenerations);
  }

  /** A request without a generations history (a first reconcile). */
  public PipelineRequest(
      String namespace,
      String name,
      long generation,
      CdcPipelineSpec spec,
      CdcEnvironmentSpec environment,
      Secrets secrets,
      List<ConditionRecord> previousConditions) {
    this(namespace, name, generation, spec, environment, secrets, previousConditions, List.of());
  }

  public PipelineNames names() {
    return new PipelineNames(namespace, name);
  }

  /** The source the pipeline names, reached with the resolved credentials. */
  public SourceEndpoint sourceEndpoint() {
    SourceConnection c = environment.getSources().get(spec.getSource().getName());
    Secrets.Credentials cred = secrets.source();
    return new SourceEndpoint(
        c.getHost(),
        c.getPort(),
        c.getDatabase(),
        cred.user(),
        cred.password(),
        c.getSslMode().libpq());
  }

  /** The same request with the conditions of the status the driver shows now. */
  public PipelineRequest withPreviousConditions(List<ConditionRecord> conditions) {
    return new PipelineRequest(
        namespace, name, generation, spec, environment, secrets, conditions, previousGenerations);
  }

  /** The same request with the conditions and generations of the status the driver shows now. */
  public PipelineRequest withPrevious(
      List<ConditionRecord> conditions, List<GenerationStatus> generations) {
    return new PipelineRequest(
        namespace, name, generation, spec, environment, secrets, conditions, generations);
  }
}
