package io.kubecdc.kubetest;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies CRDs within what the server supports. CEL validation rules ({@code
 * x-kubernetes-validations}) exist from Kubernetes 1.25; a v1.20 server (the local stack's) rejects
 * a CRD that has them, so they are removed for such a server, and a log line says so: the rules are
 * not enforced there and must be tested against a newer cluster or as unit tests.
 */
public final class Crds {
  static final String RULES = "x-kubernetes-validations";
  private static final Logger LOG = LoggerFactory.getLogger(Crds.class);
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private Crds() {}

  /** Reads a CRD from YAML, e.g. the CRD generator's output or a test resource. */
  public static CustomResourceDefinition load(InputStream yaml) {
    try (yaml) {
      return JSON.unmarshal(yaml, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates or updates the CRD, without CEL rules on a server older than 1.25, and on a real server
   * waits until it is established. Returns what was sent.
   */
  public static CustomResourceDefinition apply(KubeTarget target, CustomResourceDefinition crd) {
    CustomResourceDefinition sent = crd;
    VersionInfo version = target.version();
    if (!supportsValidationRules(version)) {
      List<String> removed = new ArrayList<>();
      sent = withoutValidationRules(crd, removed);
      if (!removed.isEmpty()) {
        LOG.warn(
            "crd={} server={} removed={} at={}: CEL rules need Kubernetes 1.25+, not enforced here",
            crd.getMetadata().getName(),
            version.getGitVersion(),
            RULES,
            removed);
      }
    }
    var resource = target.client().apiextensions().v1().customResourceDefinitions().resource(sent);
    resource.createOr(NonDeletingOperation::update);
    if (target.isRealServer()) {
      await("CRD " + crd.getMetadata().getName() + " established")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> established(resource.get()));
    }
    return sent;
  }

  static boolean supportsValidationRules(VersionInfo version) {
    int major = Integer.parseInt(version.getMajor().replaceAll("\\D", ""));
    int minor = Integer.parseInt(version.getMinor().replaceAll("\\D", ""));
    return major > 1 || minor >= 25;
  }

  /**
   * A copy of {@code crd} without any {@value #RULES}; their JSON paths go into {@code removed}.
   */
  static CustomResourceDefinition withoutValidationRules(
      CustomResourceDefinition crd, List<String> removed) {
    JsonNode tree = JSON.convertValue(crd, JsonNode.class);
    strip(tree, "", removed);
    return JSON.convertValue(tree, CustomResourceDefinition.class);
  }

  private static void strip(JsonNode node, String path, List<String> removed) {
    if (node instanceof ObjectNode object) {
      if (object.remove(RULES) != null) {
        removed.add(path.isEmpty() ? "/" : path);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        strip(e.getValue(), path + "/" + e.getKey(), removed);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        strip(node.get(i), path + "/" + i, removed);
      }
    }
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
