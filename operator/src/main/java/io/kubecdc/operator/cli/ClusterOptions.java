package io.kubecdc.operator.cli;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * Which cluster a command reads, as kubectl chooses it: {@code --kubeconfig}, else the first file
 * of {@code KUBECONFIG}, else {@code ~/.kube/config}, else fabric8's automatic configuration (a
 * service account in a pod); {@code --context} picks a context of that file. A context the file
 * does not have is refused by name, with the ones it has, instead of silently using another.
 */
final class ClusterOptions {
  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      defaultValue = "${env:KUBECONFIG}",
      description = "The kubeconfig (default: $KUBECONFIG, else ~/.kube/config).")
  String kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "The kubeconfig context (default: its current context).")
  String context;

  /** A client for {@code --context}, or for {@code override} when not null. */
  Cluster connect(String override) {
    String ctx = override != null ? override : context;
    Config config = config(ctx);
    // a command line says at once that the cluster does not answer; fabric8's default retries
    // with backoff for tens of seconds, which suits an operator, not a user waiting
    config.setRequestRetryBackoffLimit(1);
    config.setConnectionTimeout(10_000);
    String name =
        config.getCurrentContext() == null ? "(none)" : config.getCurrentContext().getName();
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withHttpClientFactory(new JdkHttpClientFactory())
            .withConfig(config)
            .build();
    return new Cluster(client, name, config.getMasterUrl(), config.getNamespace());
  }

  private Config config(String ctx) {
    Path file = kubeconfigFile();
    if (file == null) {
      return Config.autoConfigure(ctx);
    }
    Config config;
    try {
      config = Config.fromKubeconfig(ctx, file.toFile());
    } catch (KubernetesClientException | IllegalArgumentException e) {
      throw new CliFailure("cannot read the kubeconfig " + file + ": " + e.getMessage());
    }
    if (ctx != null
        && (config.getCurrentContext() == null
            || !ctx.equals(config.getCurrentContext().getName()))) {
      throw new CliFailure(
          "context '"
              + ctx
              + "' is not in the kubeconfig "
              + file
              + " (it has: "
              + String.join(
                  ", ", config.getContexts().stream().map(NamedContext::getName).sorted().toList())
              + ")");
    }
    return config;
  }

  private Path kubeconfigFile() {
    if (kubeconfig != null && !kubeconfig.isBlank()) {
      Path file = Path.of(kubeconfig.split(java.io.File.pathSeparator)[0]);
      if (!Files.isRegularFile(file)) {
        throw new CliFailure("kubeconfig " + file + ": no such file (--kubeconfig or KUBECONFIG)");
      }
      return file;
    }
    Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
    return Files.isRegularFile(home) ? home : null;
  }

  /** A connected cluster: the client and where it points, for messages. */
  record Cluster(KubernetesClient client, String context, String url, String namespace)
      implements AutoCloseable {
    /** Runs one read; a cluster that does not answer or refuses becomes a clear failure. */
    <T> T read(String what, Supplier<T> call) {
      try {
        return call.get();
      } catch (KubernetesClientException e) {
        throw new CliFailure(
            "cannot read "
                + what
                + " from the cluster at "
                + url
                + " (context "
                + context
                + "): "
                + reason(e));
      }
    }

    private static String reason(KubernetesClientException e) {
      if (e.getCode() == 404) {
        return "the server has no CdcPipeline resource: are the KubeCDC CRDs installed?";
      }
      if (e.getCode() == 401 || e.getCode() == 403) {
        return "not allowed (HTTP "
            + e.getCode()
            + ")"
            + (e.getStatus() == null ? "" : ": " + e.getStatus().getMessage());
      }
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return root == e ? e.getMessage() : root.toString();
    }

    /** The pipeline {@code ns/name}, or a failure that says it is not there. */
    CdcPipeline pipeline(String ns, String name) {
      CdcPipeline p =
          read(
              "CdcPipeline " + ns + "/" + name,
              () -> client.resources(CdcPipeline.class).inNamespace(ns).withName(name).get());
      if (p == null) {
        throw new CliFailure(
            "CdcPipeline "
                + ns
                + "/"
                + name
                + " not found (context "
                + context
                + "): kubectl -n "
                + ns
                + " get cdcpipelines lists those there");
      }
      return p;
    }

    /** The namespace of {@code -n}, else the context's, else {@code default}. */
    String namespace(String option) {
      if (option != null) {
        return option;
      }
      return namespace != null ? namespace : "default";
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
