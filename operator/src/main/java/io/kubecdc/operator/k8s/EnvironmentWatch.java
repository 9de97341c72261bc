package io.kubecdc.operator.k8s;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The informer on CdcEnvironments as a secondary resource of pipelines: a pipeline names its
 * environment ({@code spec.environment}, same namespace), and an index of the pipelines by that
 * name maps an environment's change back to every pipeline that names it, without listing them.
 */
final class EnvironmentWatch {
  private static final String BY_ENVIRONMENT = "by-environment";

  private EnvironmentWatch() {}

  static InformerEventSource<CdcEnvironment, CdcPipeline> of(
      EventSourceContext<CdcPipeline> context) {
    var pipelines = context.getPrimaryCache();
    pipelines.addIndexer(
        BY_ENVIRONMENT,
        p -> List.of(key(p.getMetadata().getNamespace(), p.getSpec().getEnvironment())));
    var config =
        InformerEventSourceConfiguration.from(CdcEnvironment.class, CdcPipeline.class)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(
                (CdcEnvironment env) ->
                    pipelines
                        .byIndex(
                            BY_ENVIRONMENT,
                            key(env.getMetadata().getNamespace(), env.getMetadata().getName()))
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .withPrimaryToSecondaryMapper(
                (CdcPipeline p) ->
                    Set.of(
                        new ResourceID(
                            p.getSpec().getEnvironment(), p.getMetadata().getNamespace())))
            .build();
    return new InformerEventSource<>(config, context);
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
