package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import java.util.Map;

/** The worker's {@code sink.yaml} as the core rendered it; it holds no credential. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.MANAGED_SELECTOR))
public class SinkConfigMapDependent
    extends CRUDKubernetesDependentResource<ConfigMap, CdcPipeline> {
  public SinkConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(CdcPipeline pipeline, Context<CdcPipeline> context) {
    SinkInputs inputs = SinkInputs.from(context);
    return new ConfigMapBuilder()
        .withMetadata(SinkMetadata.of(pipeline, inputs))
        .withData(Map.of(SinkInputs.CONFIG_KEY, inputs.workerConfig()))
        .build();
  }
}
