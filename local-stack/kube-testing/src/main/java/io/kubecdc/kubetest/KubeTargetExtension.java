package io.kubecdc.kubetest;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs each {@link KubeTargetTest} method once per target. The mock server is made once per test
 * class, the real target once per test JVM (both closed by JUnit at the end of their scope), and a
 * {@link TestNamespace} once per invocation.
 */
public final class KubeTargetExtension implements TestTemplateInvocationContextProvider {
  static final String TARGETS_PROPERTY = "kubecdc.kube.targets";
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(KubeTargetExtension.class);

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context
        .getTestMethod()
        .map(m -> m.isAnnotationPresent(KubeTargetTest.class))
        .orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    List<String> supported =
        List.of(context.getRequiredTestMethod().getAnnotation(KubeTargetTest.class).value());
    return selected().stream().filter(supported::contains).map(Invocation::new);
  }

  /** A method for the real server only has nothing to run when only the mock is selected. */
  @Override
  public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
    return true;
  }

  /** The targets asked for: {@code mock}, {@code real} or both (default). */
  static List<String> selected() {
    String value = System.getProperty(TARGETS_PROPERTY, System.getenv("KUBECDC_TEST_KUBE_TARGETS"));
    List<String> names =
        value == null || value.isBlank()
            ? List.of("mock", "real")
            : Arrays.stream(value.split(",")).map(String::strip).toList();
    for (String n : names) {
      if (!n.equals("mock") && !n.equals("real")) {
        throw new IllegalArgumentException(
            TARGETS_PROPERTY
                + " (or KUBECDC_TEST_KUBE_TARGETS): 'mock' or 'real', got '"
                + n
                + "'");
      }
    }
    return names;
  }

  private static KubeTarget targetFor(String name, ExtensionContext context) {
    if (name.equals("mock")) {
      ExtensionContext classContext = context;
      while (classContext.getTestMethod().isPresent()) {
        classContext = classContext.getParent().orElseThrow();
      }
      return classContext
          .getStore(NS)
          .computeIfAbsent("mock", k -> KubeTargets.mock(), KubeTarget.class);
    }
    return context
        .getRoot()
        .getStore(NS)
        .computeIfAbsent("real", k -> KubeTargets.real(context), KubeTarget.class);
  }

  /** One run of a test method against one target. */
  private record Invocation(String target) implements TestTemplateInvocationContext {
    @Override
    public String getDisplayName(int index) {
      return "[" + target + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new Resolver(target));
    }
  }

  private record Resolver(String target) implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      return type == KubeTarget.class || type == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      KubeTarget t = targetFor(target, context);
      if (parameter.getParameter().getType() == KubeTarget.class) {
        return t;
      }
      return context
          .getStore(NS)
          .computeIfAbsent(
              TestNamespace.class,
              k -> TestNamespace.create(t, context.getRequiredTestMethod().getName()),
              TestNamespace.class);
    }
  }
}
