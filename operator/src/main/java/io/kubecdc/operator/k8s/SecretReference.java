package io.kubecdc.operator.k8s;

/**
 * Renders the environment's {@code connect.secretReference} template for one Secret key: what the
 * connector config carries instead of the value, resolved inside Kafka Connect by its config
 * provider (Strimzi's {@code secrets}, or {@code dir}/{@code file} over mounted Secrets).
 */
public final class SecretReference {
  private SecretReference() {}

  public static String render(String template, String namespace, String name, String key) {
    return template.replace("{namespace}", namespace).replace("{name}", name).replace("{key}", key);
  }
}
