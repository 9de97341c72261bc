package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** The Kafka Connect cluster of an environment and how it resolves secrets. */
public class ConnectConnection {
  /** Strimzi's KubernetesSecretConfigProvider registered as {@code secrets}. */
  public static final String STRIMZI_SECRETS = "${secrets:{namespace}/{name}:{key}}";

  @JsonPropertyDescription("REST URL of Kafka Connect, e.g. http://connect.prod.svc:8083.")
  @Required
  @Pattern("^https?://.+")
  private String url;

  @JsonPropertyDescription(
      "How connector configs reference a Secret value, with the placeholders {namespace}, {name}"
          + " and {key}: the operator never sends a password to Connect. Strimzi's secrets"
          + " provider: ${secrets:{namespace}/{name}:{key}} (default); Secrets mounted into"
          + " Connect as files: ${dir:/opt/kafka/external-configuration/{name}:{key}}.")
  @Default(STRIMZI_SECRETS)
  @ValidationRule(
      value = "self.startsWith('${') && self.endsWith('}') && self.contains('{key}')",
      message = "secretReference must be a config-provider reference ${provider:...} with {key}",
      reason = "FieldValueInvalid")
  private String secretReference = STRIMZI_SECRETS;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getSecretReference() {
    return secretReference;
  }

  public void setSecretReference(String secretReference) {
    this.secretReference = secretReference;
  }
}
