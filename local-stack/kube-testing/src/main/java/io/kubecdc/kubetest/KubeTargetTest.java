package io.kubecdc.kubetest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test method that runs once per Kubernetes target: the fabric8 mock server (CRUD mode) and the
 * real server, which is the local stack's kube-apiserver, or the cluster of the kubeconfig named by
 * {@code KUBECDC_TEST_KUBECONFIG} when that is set. The method takes a {@link KubeTarget} and may
 * take a {@link TestNamespace}, created fresh for the invocation and deleted after it.
 *
 * <p>The targets can be narrowed with the system property {@code kubecdc.kube.targets} or env
 * {@code KUBECDC_TEST_KUBE_TARGETS}: {@code mock}, {@code real} or {@code mock,real} (default); a
 * method runs on those of its {@link #value()} that are selected. Tagged {@code integration}:
 * failsafe runs these in {@code verify}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@TestTemplate
@ExtendWith(KubeTargetExtension.class)
public @interface KubeTargetTest {
  /**
   * The targets this method supports, {@code mock} and/or {@code real}; a method that checks what
   * only a real server does (garbage collection, RBAC, kubectl) says {@code "real"}.
   */
  String[] value() default {"mock", "real"};
}
