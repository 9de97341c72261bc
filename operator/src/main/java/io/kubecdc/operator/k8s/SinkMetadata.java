package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.contract.PipelineNames;

/** Name, namespace and labels shared by the worker's ConfigMap, Deployment and Service. */
final class SinkMetadata {
  private SinkMetadata() {}

  static String name(CdcPipeline pipeline) {
    return new PipelineNames(
            pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName())
        .sinkWorkload();
  }

  static ObjectMeta of(CdcPipeline pipeline, SinkInputs inputs) {
    return new ObjectMetaBuilder()
        .withName(name(pipeline))
        .withNamespace(pipeline.getMetadata().getNamespace())
        .withLabels(WorkloadLabels.sink(pipeline.getMetadata().getName(), inputs.image()))
        .build();
  }
}
