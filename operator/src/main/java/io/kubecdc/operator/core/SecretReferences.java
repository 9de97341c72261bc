package io.kubecdc.operator.core;

/**
 * Renders the config-provider reference that stands for a Secret value in a connector config, from
 * the environment's template ({@code spec.connect.secretReference}) with the placeholders {@code
 * {namespace}}, {@code {name}} and {@code {key}}: Strimzi's {@code
 * ${secrets:{namespace}/{name}:{key}}}, or {@code ${dir:/mounted/{name}:{key}}} for Secrets mounted
 * into Connect as files. Kafka Connect resolves it; the value never travels in the config.
 */
public final class SecretReferences {
  private SecretReferences() {}

  public static String render(String template, String namespace, String secret, String key) {
    return template
        .replace("{namespace}", namespace)
        .replace("{name}", secret)
        .replace("{key}", key);
  }
}
