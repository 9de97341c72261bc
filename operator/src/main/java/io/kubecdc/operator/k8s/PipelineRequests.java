package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironmentSpec;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.operator.core.PipelineRequest;
import io.kubecdc.operator.core.Secrets;
import java.util.List;
import java.util.Optional;

/**
 * Builds the core's {@link PipelineRequest} from a CdcPipeline: environment, source and Secrets
 * resolved, previous conditions carried over. For a deletion a missing Secret is not fatal: the
 * request then carries blank credentials, so that the core tears down what it can without them and
 * reports the rest as leftovers.
 */
final class PipelineRequests {
  private final InputResolver resolver;

  PipelineRequests(KubernetesClient client) {
    this.resolver = new InputResolver(client);
  }

  PipelineRequest forReconcile(CdcPipeline pipeline, Optional<CdcEnvironment> env)
      throws Unresolved {
    CdcEnvironmentSpec spec = resolver.environment(pipeline, env);
    var source = resolver.source(pipeline, spec);
    return request(
        pipeline, spec, resolver.secrets(namespace(pipeline), template(spec), source, spec));
  }

  /** For teardown; still fails when the environment or the source is unknown. */
  DeletionRequest forDeletion(CdcPipeline pipeline, Optional<CdcEnvironment> env)
      throws Unresolved {
    CdcEnvironmentSpec spec = resolver.environment(pipeline, env);
    var source = resolver.source(pipeline, spec);
    try {
      return new DeletionRequest(
          request(
              pipeline, spec, resolver.secrets(namespace(pipeline), template(spec), source, spec)),
          Optional.empty());
    } catch (Unresolved missingSecret) {
      Secrets.Credentials blank = new Secrets.Credentials("", "", "", "");
      return new DeletionRequest(
          request(pipeline, spec, new Secrets(blank, blank)), Optional.of(missingSecret));
    }
  }

  /** A teardown request and, when a Secret was missing, why some steps may not succeed. */
  record DeletionRequest(PipelineRequest request, Optional<Unresolved> missingSecret) {}

  private static PipelineRequest request(
      CdcPipeline pipeline, CdcEnvironmentSpec env, Secrets secrets) {
    return new PipelineRequest(
        namespace(pipeline),
        pipeline.getMetadata().getName(),
        pipeline.getMetadata().getGeneration() == null ? 0 : pipeline.getMetadata().getGeneration(),
        pipeline.getSpec(),
        env,
        secrets,
        StatusMapper.records(pipeline.getStatus()),
        pipeline.getStatus() == null || pipeline.getStatus().getGenerations() == null
            ? List.of()
            : pipeline.getStatus().getGenerations());
  }

  private static String namespace(CdcPipeline pipeline) {
    return pipeline.getMetadata().getNamespace();
  }

  private static String template(CdcEnvironmentSpec env) {
    return env.getConnect().getSecretReference();
  }
}
