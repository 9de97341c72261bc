package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironmentSpec;
import io.kubecdc.operator.core.WorkerConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What the sink-worker dependents need beyond the pipeline, handed to them by the reconciler
 * through JOSDK's per-reconcile context: the worker config the core rendered for each checkpoint
 * generation that must run (one ConfigMap and Deployment each), the environment (image, default
 * size, ClickHouse Secret) and the operator's default image.
 */
record SinkInputs(List<WorkerConfig> workers, CdcEnvironmentSpec environment, String defaultImage) {
  /**
   * Where the worker finds its config and the ClickHouse password (its clickhouse.passwordFile).
   */
  static final String CONFIG_DIR = "/etc/kubecdc";

  static final String CONFIG_KEY = "sink.yaml";
  static final String CONFIG_FILE = CONFIG_DIR + "/" + CONFIG_KEY;
  static final String PASSWORD_DIR = CONFIG_DIR + "/clickhouse";
  static final String PASSWORD_FILE = PASSWORD_DIR + "/password";

  void putInto(Context<?> context) {
    context.managedWorkflowAndDependentResourceContext().put(SinkInputs.class, this);
  }

  static <P extends HasMetadata> SinkInputs from(Context<P> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .getMandatory(SinkInputs.class, SinkInputs.class);
  }

  String image() {
    var sink = environment.getSink();
    return sink != null && sink.getImage() != null && !sink.getImage().isBlank()
        ? sink.getImage()
        : defaultImage;
  }

  /**
   * A hash of everything that needs a restart when it changes: the config and which Secret key the
   * password comes from. On the pod template, so that a change rolls the pods.
   */
  String configHash(WorkerConfig worker) {
    var secret = environment.getClickhouse().getCredentialsSecret();
    String input = worker.yaml() + "\n" + secret.getName() + "/" + secret.getPasswordKey();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
