package io.kubecdc.operator.standalone;

import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironmentSpec;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.operator.core.PipelineRequest;
import io.kubecdc.operator.core.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The core's requests from the manifests of a run, as the Kubernetes driver builds them from the
 * API: each pipeline's environment (from the same files), its source, and the Secrets from files.
 * What is missing stops the run before anything is touched, with a message that names the resource
 * and what to add; a run without a pipeline is refused.
 */
public final class StandaloneRequests {
  private StandaloneRequests() {}

  public static List<PipelineRequest> of(Manifests manifests, FileSecrets secrets) {
    if (manifests.pipelines().isEmpty()) {
      throw new ManifestException("no CdcPipeline in the files: pass one with -f pipeline.yaml");
    }
    List<PipelineRequest> out = new ArrayList<>();
    for (CdcPipeline p : manifests.pipelines()) {
      out.add(request(p, environment(manifests, p), secrets));
    }
    return out;
  }

  private static CdcEnvironmentSpec environment(Manifests manifests, CdcPipeline p) {
    String ns = p.getMetadata().getNamespace();
    CdcEnvironmentSpec env =
        manifests
            .environmentOf(p)
            .map(CdcEnvironment::getSpec)
            .orElseThrow(
                () ->
                    new ManifestException(
                        "CdcPipeline %s/%s: spec.environment names CdcEnvironment %s/%s, which none of the files defines (pass it with -f environment.yaml)"
                            .formatted(
                                ns, p.getMetadata().getName(), ns, p.getSpec().getEnvironment())));
    String source = p.getSpec().getSource().getName();
    if (!env.getSources().containsKey(source)) {
      throw new ManifestException(
          "CdcPipeline %s/%s: spec.source.name '%s' is not defined in CdcEnvironment %s/%s (spec.sources has %s)"
              .formatted(
                  ns,
                  p.getMetadata().getName(),
                  source,
                  ns,
                  p.getSpec().getEnvironment(),
                  new TreeSet<>(env.getSources().keySet())));
    }
    return env;
  }

  private static PipelineRequest request(CdcPipeline p, CdcEnvironmentSpec env, FileSecrets files) {
    String ns = p.getMetadata().getNamespace();
    String template = env.getConnect().getSecretReference();
    var source = env.getSources().get(p.getSpec().getSource().getName());
    Secrets secrets =
        new Secrets(
            files.credentials(ns, source.getCredentialsSecret(), template),
            files.credentials(ns, env.getClickhouse().getCredentialsSecret(), template));
    Long generation = p.getMetadata().getGeneration();
    return new PipelineRequest(
        ns,
        p.getMetadata().getName(),
        generation == null ? 1 : generation,
        p.getSpec(),
        env,
        secrets,
        List.of());
  }
}
