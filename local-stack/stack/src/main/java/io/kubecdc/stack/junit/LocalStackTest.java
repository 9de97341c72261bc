package io.kubecdc.stack.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test that needs the real local stack. The stack is started once per test JVM
 * (or reused if it already runs) and its {@link io.kubecdc.stack.StackEndpoints} can be injected
 * into constructors and methods. Tagged {@code integration}: failsafe runs these in {@code verify},
 * surefire skips them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@ExtendWith(LocalStackExtension.class)
public @interface LocalStackTest {
  /**
   * The services the test needs (with their dependencies); empty means all that {@code bin/stack
   * up} starts by default, which excludes {@code kube}: ask for it by name.
   */
  String[] services() default {};
}
