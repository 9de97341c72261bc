package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironmentSpec;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.SecretKeys;
import io.kubecdc.api.crd.v1alpha1.SourceConnection;
import io.kubecdc.operator.core.SecretReferences;
import io.kubecdc.operator.core.Secrets;
import io.kubecdc.operator.status.Part;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds what a pipeline names: its {@link CdcEnvironment} (from the informer's cache), the source
 * in it, and the Secrets of the source and ClickHouse (read from the API on every reconcile, so a
 * rotated or re-created Secret is picked up at the next recheck without watching every Secret of
 * the cluster). Messages name namespace, name and key, never a value. Each failure names the parts
 * it keeps from working: the environment all of them (it says where each connects), the source and
 * its Secret the source, the ClickHouse Secret the tables (the first part that connects there).
 */
public final class InputResolver {
  private final KubernetesClient client;

  public InputResolver(KubernetesClient client) {
    this.client = client;
  }

  CdcEnvironmentSpec environment(CdcPipeline pipeline, Optional<CdcEnvironment> found)
      throws Unresolved {
    String ns = pipeline.getMetadata().getNamespace();
    String name = pipeline.getSpec().getEnvironment();
    if (found.isEmpty() || found.get().getSpec() == null) {
      throw new Unresolved(
          "EnvironmentNotFound",
          "CdcEnvironment "
              + ns
              + "/"
              + name
              + " not found: create a CdcEnvironment named '"
              + name
              + "' in namespace "
              + ns
              + " (or set spec.environment to an existing one)",
          EnumSet.allOf(Part.class));
    }
    return found.get().getSpec();
  }

  SourceConnection source(CdcPipeline pipeline, CdcEnvironmentSpec env) throws Unresolved {
    String source = pipeline.getSpec().getSource().getName();
    SourceConnection conn = env.getSources() == null ? null : env.getSources().get(source);
    if (conn == null) {
      throw new Unresolved(
          "SourceNotDefined",
          "source '"
              + source
              + "' is not defined in CdcEnvironment "
              + pipeline.getMetadata().getNamespace()
              + "/"
              + pipeline.getSpec().getEnvironment()
              + " (spec.sources has "
              + (env.getSources() == null ? "[]" : new TreeSet<>(env.getSources().keySet()))
              + ")",
          Set.of(Part.SOURCE));
    }
    return conn;
  }

  Secrets secrets(
      String namespace, String template, SourceConnection source, CdcEnvironmentSpec env)
      throws Unresolved {
    return new Secrets(
        credentials(namespace, template, source.getCredentialsSecret(), Part.SOURCE),
        credentials(namespace, template, env.getClickhouse().getCredentialsSecret(), Part.TABLES));
  }

  /** The ClickHouse credentials of an environment, for readers of its tables (the CLI). */
  public Secrets.Credentials clickhouse(String namespace, CdcEnvironmentSpec env)
      throws Unresolved {
    return credentials(
        namespace,
        env.getConnect().getSecretReference(),
        env.getClickhouse().getCredentialsSecret(),
        Part.TABLES);
  }

  private Secrets.Credentials credentials(
      String namespace, String template, SecretKeys keys, Part part) throws Unresolved {
    Secret secret = client.secrets().inNamespace(namespace).withName(keys.getName()).get();
    if (secret == null) {
      throw new Unresolved(
          "SecretNotFound",
          "Secret "
              + namespace
              + "/"
              + keys.getName()
              + " not found: create it with the keys "
              + keys.getUsernameKey()
              + " and "
              + keys.getPasswordKey(),
          Set.of(part));
    }
    return new Secrets.Credentials(
        value(secret, namespace, keys.getName(), keys.getUsernameKey(), part),
        value(secret, namespace, keys.getName(), keys.getPasswordKey(), part),
        SecretReferences.render(template, namespace, keys.getName(), keys.getUsernameKey()),
        SecretReferences.render(template, namespace, keys.getName(), keys.getPasswordKey()));
  }

  private static String value(Secret secret, String namespace, String name, String key, Part part)
      throws Unresolved {
    if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
      return secret.getStringData().get(key);
    }
    String encoded = secret.getData() == null ? null : secret.getData().get(key);
    if (encoded == null) {
      throw new Unresolved(
          "SecretKeyMissing",
          "Secret " + namespace + "/" + name + " has no key '" + key + "'",
          Set.of(part));
    }
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }
}
