package io.kubecdc.kubetest;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A namespace of its own for one test invocation, so that tests never see each other's objects and
 * need no clean-up of their own: deleted (with what is in it) when the invocation ends.
 */
public final class TestNamespace implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TestNamespace.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(60);
  private final KubeTarget target;
  private final String name;
  private final List<KubernetesClient> clients = new ArrayList<>();

  private TestNamespace(KubeTarget target, String name) {
    this.target = target;
    this.name = name;
  }

  /** Creates {@code t-<hint>-<random>} (a valid, unique namespace name). */
  public static TestNamespace create(KubeTarget target, String hint) {
    String prefix = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    prefix = prefix.substring(0, Math.min(prefix.length(), 40)).replaceAll("-+$", "");
    byte[] suffix = new byte[3];
    RANDOM.nextBytes(suffix);
    String name = "t-" + prefix + "-" + HexFormat.of().formatHex(suffix);
    target
        .client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    LOG.info("namespace={} target={} created", name, target);
    return new TestNamespace(target, name);
  }

  public String name() {
    return name;
  }

  public KubeTarget target() {
    return target;
  }

  /**
   * A client that acts as a new ServiceAccount {@code account} of this namespace, allowed exactly
   * {@code rules} here by a Role and RoleBinding of the same name: for tests of what a Role lets an
   * identity do. The token comes from a {@code kubernetes.io/service-account-token} Secret, filled
   * by the token controller (the controller manager), which works from v1.20 to today. Skipped on
   * the mock server, which has no RBAC and no token controller.
   */
  public KubernetesClient serviceAccountClient(String account, PolicyRule... rules) {
    target.assumeRealServer("a ServiceAccount token bound to a Role");
    KubernetesClient admin = target.client();
    admin
        .serviceAccounts()
        .inNamespace(name)
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName(account).endMetadata().build())
        .create();
    admin
        .rbac()
        .roles()
        .inNamespace(name)
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName(account)
                .endMetadata()
                .withRules(rules)
                .build())
        .create();
    admin
        .rbac()
        .roleBindings()
        .inNamespace(name)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(account)
                .endMetadata()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName(account)
                .endRoleRef()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(account)
                .withNamespace(name)
                .endSubject()
                .build())
        .create();
    return tokenClient(account);
  }

  /**
   * A client that acts as the existing ServiceAccount {@code account} of this namespace, e.g. one a
   * Helm chart created, with whatever its bindings allow. Skipped on the mock server.
   */
  public KubernetesClient tokenClient(String account) {
    target.assumeRealServer("a ServiceAccount token");
    KubernetesClient admin = target.client();
    String secretName = account + "-token";
    admin
        .secrets()
        .inNamespace(name)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(secretName)
                .addToAnnotations("kubernetes.io/service-account.name", account)
                .endMetadata()
                .withType("kubernetes.io/service-account-token")
                .build())
        .create();
    Secret secret =
        await("token of ServiceAccount " + name + "/" + account)
            .atMost(TOKEN_TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> admin.secrets().inNamespace(name).withName(secretName).get(),
                s -> s != null && s.getData() != null && s.getData().containsKey("token"));
    String token =
        new String(
            Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8);
    Config adminConfig = admin.getConfiguration();
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(adminConfig.getMasterUrl())
            .withCaCertData(adminConfig.getCaCertData())
            .withCaCertFile(adminConfig.getCaCertFile())
            .withTrustCerts(adminConfig.isTrustCerts())
            .withOauthToken(token)
            .withNamespace(name)
            .build();
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    clients.add(client);
    return client;
  }

  /** Deletes the namespace without waiting: the server removes what is in it. */
  @Override
  public void close() {
    clients.forEach(KubernetesClient::close);
    target.client().namespaces().withName(name).delete();
    LOG.info("namespace={} target={} deleted", name, target);
  }
}
