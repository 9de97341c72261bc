package io.kubecdc.operator.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The cluster a command talks to: {@code --kubeconfig} (else fabric8's rules: {@code KUBECONFIG},
 * {@code ~/.kube/config}, a service account) and {@code --context} (else the current one). A
 * context the file lacks is an error that names it, not a silent fallback to another cluster.
 */
final class KubeconfigOptions {
  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The kubeconfig file.")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context.")
  String context;

  KubernetesClient client() throws BadInput {
    Config config;
    if (kubeconfig == null) {
      config = Config.autoConfigure(context);
    } else {
      try {
        config =
            Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
      } catch (IOException e) {
        throw new BadInput("cannot read --kubeconfig " + kubeconfig + ": " + e.getMessage());
      }
    }
    if (context != null
        && (config.getCurrentContext() == null
            || !context.equals(config.getCurrentContext().getName()))) {
      throw new BadInput("no context '" + context + "' in the kubeconfig");
    }
    // a person waits for the answer: fail fast instead of fabric8's retries with backoff
    config.setRequestRetryBackoffLimit(1);
    config.setConnectionTimeout(10_000);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Input that cannot work (exit code 2); the message says what to change. */
  static final class BadInput extends Exception {
    BadInput(String message) {
      super(message, null, false, false);
    }
  }
}
