package io.kubecdc.operator.standalone;

import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import java.util.List;
import java.util.Optional;

/** The resources read from the files of a standalone run. */
public record Manifests(List<CdcEnvironment> environments, List<CdcPipeline> pipelines) {
  public Manifests {
    environments = List.copyOf(environments);
    pipelines = List.copyOf(pipelines);
  }

  /** The environment a pipeline names, in the pipeline's namespace. */
  public Optional<CdcEnvironment> environmentOf(CdcPipeline pipeline) {
    String ns = pipeline.getMetadata().getNamespace();
    String name = pipeline.getSpec().getEnvironment();
    return environments.stream()
        .filter(e -> e.getMetadata().getNamespace().equals(ns))
        .filter(e -> e.getMetadata().getName().equals(name))
        .findFirst();
  }
}
