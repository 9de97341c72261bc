package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The ClickHouse server or cluster of an environment. */
public class ClickHouseConnection {
  @JsonPropertyDescription("HTTP(S) URL, e.g. http://clickhouse.prod.svc:8123.")
  @Required
  @Pattern("^https?://.+")
  private String url;

  @JsonPropertyDescription("Secret with the user and password of a user allowed to create tables.")
  @Required
  private SecretKeys credentialsSecret;

  @JsonPropertyDescription(
      "Cluster name: DDL runs ON CLUSTER with Replicated engines. Unset: a single server.")
  private String cluster;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public SecretKeys getCredentialsSecret() {
    return credentialsSecret;
  }

  public void setCredentialsSecret(SecretKeys credentialsSecret) {
    this.credentialsSecret = credentialsSecret;
  }

  public String getCluster() {
    return cluster;
  }

  public void setCluster(String cluster) {
    this.cluster = cluster;
  }
}
