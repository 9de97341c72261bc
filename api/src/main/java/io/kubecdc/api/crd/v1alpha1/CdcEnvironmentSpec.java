package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the pipelines of a namespace run. Secrets are referenced, never inlined. */
public class CdcEnvironmentSpec {
  @JsonPropertyDescription(
      "PostgreSQL connection of each logical source; pipelines name a key of this map.")
  @Required
  @ValidationRule(
      value = "self.all(k, k.matches('^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$'))",
      message = "source names must be DNS labels (lower case letters, digits, '-')",
      reason = "FieldValueInvalid")
  private Map<String, SourceConnection> sources = new LinkedHashMap<>();

  @JsonPropertyDescription("The Kafka cluster that holds the pipelines' topics.")
  @Required
  private KafkaConnection kafka;

  @JsonPropertyDescription("The Kafka Connect cluster (with the Debezium PostgreSQL plugin).")
  @Required
  private ConnectConnection connect;

  @JsonPropertyDescription("The ClickHouse server or cluster that receives the tables.")
  @Required
  private ClickHouseConnection clickhouse;

  @JsonPropertyDescription("Image and default size of the sink-workers.")
  private SinkDefaults sink;

  @JsonPropertyDescription(
      "Promotion gate: what a pipeline's new revision must have proven in other namespaces"
          + " before it is applied here.")
  private PromotionPolicy promotion;

  public Map<String, SourceConnection> getSources() {
    return sources;
  }

  public void setSources(Map<String, SourceConnection> sources) {
    this.sources = sources;
  }

  public KafkaConnection getKafka() {
    return kafka;
  }

  public void setKafka(KafkaConnection kafka) {
    this.kafka = kafka;
  }

  public ConnectConnection getConnect() {
    return connect;
  }

  public void setConnect(ConnectConnection connect) {
    this.connect = connect;
  }

  public ClickHouseConnection getClickhouse() {
    return clickhouse;
  }

  public void setClickhouse(ClickHouseConnection clickhouse) {
    this.clickhouse = clickhouse;
  }

  public SinkDefaults getSink() {
    return sink;
  }

  public void setSink(SinkDefaults sink) {
    this.sink = sink;
  }

  public PromotionPolicy getPromotion() {
    return promotion;
  }

  public void setPromotion(PromotionPolicy promotion) {
    this.promotion = promotion;
  }
}
