package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;

/**
 * Exposes the workers' port {@code http} (8080) so that Prometheus scrapes {@code /metrics}.
 * Created and updated without server-side apply: an apply that creates a Service answers 500
 * "resourceVersion should not be set on objects to be created" on the local stack's v1.20 (also
 * reported on v1.22, java-operator-sdk#2033), and nobody else writes this Service, so SSA's field
 * ownership buys nothing here.
 */
@KubernetesDependent(
    useSSA = BooleanWithUndefined.FALSE,
    informer = @Informer(labelSelector = WorkloadLabels.MANAGED_SELECTOR))
public class SinkServiceDependent extends CRUDKubernetesDependentResource<Service, CdcPipeline> {
  public SinkServiceDependent() {
    super(Service.class);
  }

  @Override
  protected Service desired(CdcPipeline pipeline, Context<CdcPipeline> context) {
    return new ServiceBuilder()
        .withMetadata(SinkMetadata.of(pipeline, SinkInputs.from(context)))
        .withNewSpec()
        .withSelector(WorkloadLabels.selector(pipeline.getMetadata().getName()))
        .addNewPort()
        .withName(SinkDeploymentDependent.PORT_NAME)
        .withPort(SinkDeploymentDependent.PORT)
        .withTargetPort(new IntOrString(SinkDeploymentDependent.PORT_NAME))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }

  /**
   * Without SSA the update is a replace: the desired Service carries no cluster IP, and a real API
   * server refuses to unset it (422 "primary clusterIP can not be unset"), so the allocated one is
   * kept.
   */
  @Override
  public Service update(
      Service actual, Service desired, CdcPipeline primary, Context<CdcPipeline> context) {
    desired.getSpec().setClusterIP(actual.getSpec().getClusterIP());
    desired.getSpec().setClusterIPs(actual.getSpec().getClusterIPs());
    return super.update(actual, desired, primary, context);
  }
}
