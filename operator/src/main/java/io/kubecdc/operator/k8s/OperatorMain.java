package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.kubecdc.operator.core.PipelineCore;
import io.kubecdc.operator.metrics.OperatorEndpoint;
import io.kubecdc.operator.metrics.OperatorMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the operator: configuration from the environment (the one place that reads it), the JOSDK
 * {@link Operator} with the CdcPipeline reconciler on the configured namespaces, and JOSDK's
 * defaults for a real cluster (server-side apply, no leader election here: the chart runs one
 * replica). The core is passed in by a factory, so that the real core is plugged in here and tests
 * plug a double.
 */
public final class OperatorMain {
  private static final Logger log = LoggerFactory.getLogger(OperatorMain.class);

  private OperatorMain() {}

  public static void main(String[] args) {
    OperatorConfig config = OperatorConfig.load(System.getenv());
    Configurator.setRootLevel(Level.valueOf(config.logLevel()));
    OperatorMetrics metrics = new OperatorMetrics();
    JosdkHealth health = new JosdkHealth();
    try {
      // up before JOSDK starts, so that the startup probe sees a live process while informers sync
      OperatorEndpoint.start(config.httpPort(), health, metrics);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + config.httpPort(), e);
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    Operator operator = start(client, config, c -> defaultCore(), true, metrics);
    health.started(operator.getRuntimeInfo());
    operator.installShutdownHook(java.time.Duration.ofSeconds(30));
  }

  /**
   * Registers the reconciler and starts the operator. {@code ssa} false is for API servers without
   * server-side apply (the fabric8 mock server).
   */
  public static Operator start(
      KubernetesClient client,
      OperatorConfig config,
      Function<KubernetesClient, PipelineCore> coreFactory,
      boolean ssa) {
    return start(client, config, coreFactory, ssa, new OperatorMetrics());
  }

  /** As above, recording each pipeline's status into {@code metrics}. */
  public static Operator start(
      KubernetesClient client,
      OperatorConfig config,
      Function<KubernetesClient, PipelineCore> coreFactory,
      boolean ssa,
      OperatorMetrics metrics) {
    Operator operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(ssa)
                    .withUseSSAToPatchPrimaryResource(ssa));
    operator.register(
        new CdcPipelineReconciler(coreFactory.apply(client), config, metrics),
        o -> {
          if (config.allNamespaces()) {
            o.watchingAllNamespaces();
          } else {
            o.settingNamespaces(config.namespaces());
          }
        });
    operator.start();
    log.info(
        "event=operator_started namespaces={} resync={} sinkImage={}",
        config.allNamespaces() ? "all" : config.namespaces(),
        config.resyncPeriod(),
        config.sinkImage());
    return operator;
  }

  /** The real core; the worker reads the ClickHouse password where the Deployment mounts it. */
  public static PipelineCore defaultCore() {
    return new io.kubecdc.operator.core.DefaultPipelineCore(
        SinkInputs.PASSWORD_FILE,
        io.kubecdc.operator.core.DefaultPipelineCore.SLOT_WAL_WARNING_BYTES);
  }
}
