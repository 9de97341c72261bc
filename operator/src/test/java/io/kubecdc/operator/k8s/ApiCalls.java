package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes API calls a client makes, as RBAC sees them ({@code group/resource verb}, e.g.
 * {@code apps/deployments patch}, {@code /events create} for the core group), so that a test can
 * hold the operator's calls against the one RBAC file: every call allowed, and every allowed verb
 * used. The verb follows the API server's rules: GET of a name is get, of a collection list (watch
 * with {@code watch=true}), POST create, PUT update, PATCH patch, DELETE delete.
 */
final class ApiCalls implements Interceptor {
  static final String RULES = "/io/kubecdc/operator/rbac-rules.yaml";
  private static final Pattern PATH =
      Pattern.compile(
          "/(?:api/v1|apis/([^/]+)/[^/]+)(?:/namespaces/[^/]+)?/([^/]+)(/[^/]+)?(/[^/]+)?");

  private final Set<String> calls = new ConcurrentSkipListSet<>();
  private final List<String> writes = new CopyOnWriteArrayList<>();

  /** A client with the identity of {@code base} whose calls are recorded here. */
  KubernetesClient recording(KubernetesClient base) {
    return new KubernetesClientBuilder()
        .withConfig(base.getConfiguration())
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("api-calls", this))
        .build();
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    String call = call(request);
    if (call != null) {
      calls.add(call);
      if (!request.method().equals("GET")) {
        writes.add(call + " " + request.uri().getPath());
      }
    }
  }

  /** The request as RBAC sees it, or null for discovery and version calls (allowed to all). */
  private static String call(HttpRequest request) {
    String path = request.uri().getPath();
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return null;
    }
    String group = m.group(1) == null ? "" : m.group(1);
    String resource = m.group(2) + (m.group(4) == null ? "" : m.group(4));
    boolean named = m.group(3) != null;
    String query = request.uri().getQuery() == null ? "" : request.uri().getQuery();
    String verb =
        switch (request.method()) {
          case "GET" -> named ? "get" : query.contains("watch=true") ? "watch" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> named ? "delete" : "deletecollection";
          default -> request.method();
        };
    return group + "/" + resource + " " + verb;
  }

  /**
   * A server-side apply that creates its object answers 201, and the API server then checks the
   * {@code create} verb as well as {@code patch}: record it, since the request alone does not show.
   */
  @Override
  public void after(
      HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> body) {
    if (request.method().equals("PATCH") && response.code() == 201) {
      String patch = call(request);
      if (patch != null) {
        calls.add(patch.replaceFirst(" patch$", " create"));
      }
    }
  }

  /** The calls so far that changed something (any method but GET), in order, with their path. */
  List<String> writes() {
    return List.copyOf(writes);
  }

  /** What was called so far. */
  Set<String> calls() {
    return new TreeSet<>(calls);
  }

  /** What the rules of the RBAC file allow, in the same form (no wildcards are expected). */
  static Set<String> granted() {
    Set<String> out = new TreeSet<>();
    for (PolicyRule rule : rules()) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          rule.getVerbs().forEach(v -> out.add(group + "/" + resource + " " + v));
        }
      }
    }
    return out;
  }

  /** The PolicyRules of the one RBAC file the Helm chart also renders. */
  static List<PolicyRule> rules() {
    try (InputStream in = ApiCalls.class.getResourceAsStream(RULES)) {
      return List.of(new KubernetesSerialization().unmarshal(in, PolicyRule[].class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
