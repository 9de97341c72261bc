package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.KubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.operator.core.WorkerConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worker's {@code sink.yaml} as the core rendered it, one ConfigMap per checkpoint generation
 * that runs (JOSDK deletes the one of a generation no longer listed); it holds no credential.
 */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.MANAGED_SELECTOR))
public class SinkConfigMapDependent extends KubernetesDependentResource<ConfigMap, CdcPipeline>
    implements CRUDKubernetesBulkDependentResource<ConfigMap, CdcPipeline>,
        KubernetesBulkDependentResource<ConfigMap, CdcPipeline>,
        GarbageCollected<CdcPipeline> {
  public SinkConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  public Map<ResourceID, ConfigMap> desiredResources(
      CdcPipeline pipeline, Context<CdcPipeline> context) {
    SinkInputs inputs = SinkInputs.from(context);
    Map<ResourceID, ConfigMap> out = new LinkedHashMap<>();
    for (WorkerConfig w : inputs.workers()) {
      ConfigMap c =
          new ConfigMapBuilder()
              .withMetadata(SinkMetadata.of(pipeline, inputs, w.version()))
              .withData(Map.of(SinkInputs.CONFIG_KEY, w.yaml()))
              .build();
      out.put(ResourceID.fromResource(c), c);
    }
    return out;
  }
}
