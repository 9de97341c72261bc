package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.KubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.SecretKeys;
import io.kubecdc.operator.core.WorkerConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pipeline's sink-workers: the image of the environment (or the operator's default), the
 * pipeline's replicas (0 while paused), the config from the ConfigMap, the ClickHouse password as a
 * file from the environment's Secret (never an env var, so it shows in no {@code describe}), and a
 * restricted security context. The config hash on the pod template rolls the pods on a change. One
 * Deployment per checkpoint generation that runs: while a generation is built beside the live one
 * both have workers; JOSDK deletes the Deployment of a generation the core no longer lists.
 */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.MANAGED_SELECTOR))
public class SinkDeploymentDependent extends KubernetesDependentResource<Deployment, CdcPipeline>
    implements CRUDKubernetesBulkDependentResource<Deployment, CdcPipeline>,
        KubernetesBulkDependentResource<Deployment, CdcPipeline>,
        GarbageCollected<CdcPipeline> {
  public static final String CONFIG_HASH = "kubecdc.io/config-hash";
  static final String PORT_NAME = "http";
  static final int PORT = 8080;

  /**
   * The worker's {@code /tmp} (JVM files, native libraries unpacked by compression codecs). Also
   * needed for server-side apply: an empty {@code emptyDir: {}} leaves no field in the managed
   * fields, so JOSDK's matcher saw a difference and applied the Deployment on every reconcile.
   */
  static final Quantity TMP_SIZE_LIMIT = new Quantity("256Mi");

  public SinkDeploymentDependent() {
    super(Deployment.class);
  }

  /** Replicas the pipeline asks for: none while paused. */
  static int desiredReplicas(CdcPipelineSpec spec) {
    return spec.isPaused() ? 0 : spec.getSink().getReplicas();
  }

  @Override
  public Map<ResourceID, Deployment> desiredResources(
      CdcPipeline pipeline, Context<CdcPipeline> context) {
    SinkInputs inputs = SinkInputs.from(context);
    Map<ResourceID, Deployment> out = new LinkedHashMap<>();
    for (WorkerConfig w : inputs.workers()) {
      Deployment d = desired(pipeline, inputs, w);
      out.put(ResourceID.fromResource(d), d);
    }
    return out;
  }

  private static Deployment desired(CdcPipeline pipeline, SinkInputs inputs, WorkerConfig worker) {
    String name = SinkMetadata.name(pipeline, worker.version());
    SecretKeys chSecret = inputs.environment().getClickhouse().getCredentialsSecret();
    var meta = SinkMetadata.of(pipeline, inputs, worker.version());
    return new DeploymentBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withReplicas(desiredReplicas(pipeline.getSpec()))
        .withNewSelector()
        .withMatchLabels(SinkMetadata.selector(pipeline, worker.version()))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(SinkMetadata.podLabels(pipeline, inputs, worker.version()))
        .addToAnnotations(CONFIG_HASH, inputs.configHash(worker))
        .endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(container(pipeline, inputs))
        .addNewVolume()
        .withName("config")
        .withNewConfigMap()
        .withName(name)
        .endConfigMap()
        .endVolume()
        .addNewVolume()
        .withName("clickhouse-password")
        .withNewSecret()
        .withSecretName(chSecret.getName())
        .addNewItem(chSecret.getPasswordKey(), 0400, "password")
        .endSecret()
        .endVolume()
        .addNewVolume()
        .withName("tmp")
        .withNewEmptyDir()
        .withSizeLimit(TMP_SIZE_LIMIT)
        .endEmptyDir()
        .endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Container container(CdcPipeline pipeline, SinkInputs inputs) {
    var sinkDefaults = inputs.environment().getSink();
    return new ContainerBuilder()
        .withName("sink-worker")
        .withImage(inputs.image())
        .withImagePullPolicy(
            sinkDefaults != null && sinkDefaults.getImagePullPolicy() != null
                ? sinkDefaults.getImagePullPolicy()
                : "IfNotPresent")
        .withArgs("--config", SinkInputs.CONFIG_FILE)
        .addNewPort()
        .withName(PORT_NAME)
        .withContainerPort(PORT)
        .withProtocol("TCP")
        .endPort()
        .withLivenessProbe(probe("/healthz"))
        .withReadinessProbe(probe("/readyz"))
        .withResources(resources(pipeline, inputs))
        .withSecurityContext(restricted())
        .addNewVolumeMount()
        .withName("config")
        .withMountPath(SinkInputs.CONFIG_FILE)
        .withSubPath(SinkInputs.CONFIG_KEY)
        .withReadOnly(true)
        .endVolumeMount()
        .addNewVolumeMount()
        .withName("clickhouse-password")
        .withMountPath(SinkInputs.PASSWORD_DIR)
        .withReadOnly(true)
        .endVolumeMount()
        .addNewVolumeMount()
        .withName("tmp")
        .withMountPath("/tmp")
        .endVolumeMount()
        .build();
  }

  private static ResourceRequirements resources(CdcPipeline pipeline, SinkInputs inputs) {
    ResourceRequirements own = pipeline.getSpec().getSink().getResources();
    if (own != null) {
      return own;
    }
    var sinkDefaults = inputs.environment().getSink();
    return sinkDefaults == null ? null : sinkDefaults.getResources();
  }

  private static Probe probe(String path) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(PORT_NAME))
        .endHttpGet()
        .withPeriodSeconds(10)
        .withFailureThreshold(3)
        .build();
  }

  private static SecurityContext restricted() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withReadOnlyRootFilesystem(true)
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }
}
