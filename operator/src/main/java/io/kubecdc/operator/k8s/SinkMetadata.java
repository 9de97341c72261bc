package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.contract.PipelineNames;
import java.util.Map;

/**
 * Name, namespace and labels shared by the worker's ConfigMap, Deployment and Service. Each
 * checkpoint generation has its own ConfigMap and Deployment ({@link
 * PipelineNames#sinkWorkload(int)}); generation 1 keeps the names and pod labels it always had, so
 * that an operator upgrade does not roll its pods.
 */
final class SinkMetadata {
  /** The checkpoint generation of a worker object. */
  static final String GENERATION = "kubecdc.io/checkpoint-version";

  private SinkMetadata() {}

  static PipelineNames names(CdcPipeline pipeline) {
    return new PipelineNames(
        pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName());
  }

  static String name(CdcPipeline pipeline) {
    return names(pipeline).sinkWorkload();
  }

  static String name(CdcPipeline pipeline, int version) {
    return names(pipeline).sinkWorkload(version);
  }

  /** The Service's metadata: one Service for the workers of every generation. */
  static ObjectMeta of(CdcPipeline pipeline, SinkInputs inputs) {
    return new ObjectMetaBuilder()
        .withName(name(pipeline))
        .withNamespace(pipeline.getMetadata().getNamespace())
        .withLabels(WorkloadLabels.sink(pipeline.getMetadata().getName(), inputs.image()))
        .build();
  }

  /** The metadata of generation {@code version}'s ConfigMap and Deployment. */
  static ObjectMeta of(CdcPipeline pipeline, SinkInputs inputs, int version) {
    Map<String, String> labels =
        WorkloadLabels.sink(pipeline.getMetadata().getName(), inputs.image());
    labels.put(GENERATION, Integer.toString(version));
    return new ObjectMetaBuilder()
        .withName(name(pipeline, version))
        .withNamespace(pipeline.getMetadata().getNamespace())
        .withLabels(labels)
        .build();
  }

  /**
   * The pods' selector of generation {@code version}: the pipeline's for version 1 (as before
   * generations existed; its pods match no later generation's selector), with the generation label
   * after.
   */
  static Map<String, String> selector(CdcPipeline pipeline, int version) {
    Map<String, String> labels = WorkloadLabels.selector(pipeline.getMetadata().getName());
    if (version > 1) {
      labels.put(GENERATION, Integer.toString(version));
    }
    return labels;
  }

  /** The pod template's labels of generation {@code version}. */
  static Map<String, String> podLabels(CdcPipeline pipeline, SinkInputs inputs, int version) {
    Map<String, String> labels =
        WorkloadLabels.sink(pipeline.getMetadata().getName(), inputs.image());
    labels.putAll(selector(pipeline, version));
    return labels;
  }
}
