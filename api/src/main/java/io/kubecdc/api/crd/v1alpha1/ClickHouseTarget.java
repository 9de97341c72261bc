package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The ClickHouse database that receives the pipeline's tables. */
public class ClickHouseTarget {
  @JsonPropertyDescription("ClickHouse database; created when missing.")
  @Required
  @Pattern(Names.CLICKHOUSE_NAME)
  private String database;

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }
}
