package io.kubecdc.stack.junit;

import io.kubecdc.stack.LocalStack;
import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.service.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives tests the running local stack. Each service is started at most once per test JVM (or reused
 * if it already runs); the handle lives in the root context store. When the JVM's tests end, the
 * services this JVM started are stopped, unless the system property {@code kubecdc.stack.keep} or
 * env {@code KUBECDC_STACK_KEEP} is {@code true}.
 */
public final class LocalStackExtension implements ParameterResolver {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStackExtension.class);
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(LocalStackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StackEndpoints.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    List<String> services =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LocalStackTest.class)
            .map(a -> List.of(a.services()))
            .orElse(List.of());
    return ensure(context, services);
  }

  /**
   * Starts the named services for the test JVM, as {@link LocalStackTest} does; for other
   * extensions that start a service only when a test asks for it (the kube test targets).
   */
  public static StackEndpoints ensure(ExtensionContext context, List<String> services) {
    return context
        .getRoot()
        .getStore(NS)
        .computeIfAbsent(RunningStack.class, k -> new RunningStack(), RunningStack.class)
        .ensure(services);
  }

  /** The stack as this JVM found or started it; closed by JUnit at the end of the run. */
  static final class RunningStack implements AutoCloseable {
    private final LocalStack stack = new LocalStack(StackConfig.load(Map.of()));
    private final List<String> startedHere = new ArrayList<>();

    synchronized StackEndpoints ensure(List<String> services) {
      long t0 = System.nanoTime();
      List<Service> started = stack.up(services);
      started.forEach(s -> startedHere.add(s.name()));
      LOG.info(
          "local stack at {}: started {} in {} ms",
          stack.config().home(),
          started.stream().map(Service::name).toList(),
          (System.nanoTime() - t0) / 1_000_000);
      return stack.endpoints();
    }

    @Override
    public synchronized void close() {
      boolean keep =
          Boolean.getBoolean("kubecdc.stack.keep")
              || "true".equalsIgnoreCase(System.getenv("KUBECDC_STACK_KEEP"));
      if (!startedHere.isEmpty() && !keep) {
        stack.down(startedHere);
      }
    }
  }
}
