package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.CdcEnvironmentSpec;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.operator.status.ConditionRecord;
import java.util.List;

/**
 * One pipeline as a driver hands it to the core: its identity and generation, the spec, the
 * environment it names (already found), the resolved credentials, and the conditions of the last
 * status so that transition times survive.
 */
public record PipelineRequest(
    String namespace,
    String name,
    long generation,
    CdcPipelineSpec spec,
    CdcEnvironmentSpec environment,
    Secrets secrets,
    List<ConditionRecord> previousConditions) {
  public PipelineRequest {
    previousConditions = List.copyOf(previousConditions);
  }

  public PipelineNames names() {
    return new PipelineNames(namespace, name);
  }
}
