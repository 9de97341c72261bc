package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Kafka cluster of an environment. */
public class KafkaConnection {
  @JsonPropertyDescription("bootstrap.servers, e.g. kafka.prod.svc:9092.")
  @Required
  private String bootstrapServers;

  @JsonPropertyDescription("Replication factor of new topics; unset: the broker's default.")
  @Min(1)
  private Integer replicationFactor;

  @JsonPropertyDescription(
      "Extra Kafka client settings for the operator and the workers (security.protocol, ...)."
          + " No secrets: passwords and JAAS configs are refused here.")
  @ValidationRule(
      value =
          "self.all(k, !k.contains('password') && !k.contains('jaas') && !k.contains('secret'))",
      message = "clientProperties must not hold secrets (password, jaas, secret keys)",
      reason = "FieldValueForbidden")
  private Map<String, String> clientProperties = new LinkedHashMap<>();

  public String getBootstrapServers() {
    return bootstrapServers;
  }

  public void setBootstrapServers(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public Integer getReplicationFactor() {
    return replicationFactor;
  }

  public void setReplicationFactor(Integer replicationFactor) {
    this.replicationFactor = replicationFactor;
  }

  public Map<String, String> getClientProperties() {
    return clientProperties;
  }

  public void setClientProperties(Map<String, String> clientProperties) {
    this.clientProperties = clientProperties;
  }
}
