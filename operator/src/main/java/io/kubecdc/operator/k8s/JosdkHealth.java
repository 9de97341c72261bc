package io.kubecdc.operator.k8s;

import io.javaoperatorsdk.operator.RuntimeInfo;
import io.kubecdc.operator.metrics.OperatorEndpoint;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The operator's probes from JOSDK's runtime: live while starting and running; ready once JOSDK
 * started and every informer is healthy, naming the unhealthy ones otherwise.
 */
final class JosdkHealth implements OperatorEndpoint.Health {
  private final AtomicReference<RuntimeInfo> runtime = new AtomicReference<>();

  void started(RuntimeInfo info) {
    runtime.set(info);
  }

  @Override
  public boolean live() {
    RuntimeInfo info = runtime.get();
    return info == null || info.isStarted();
  }

  @Override
  public Optional<String> notReady() {
    RuntimeInfo info = runtime.get();
    if (info == null || !info.isStarted()) {
      return Optional.of("starting");
    }
    if (!info.allEventSourcesAreHealthy()) {
      return Optional.of(
          "unhealthy event sources: "
              + info.unhealthyEventSources().values().stream()
                  .flatMap(m -> m.keySet().stream())
                  .sorted()
                  .toList());
    }
    return Optional.empty();
  }
}
