package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Which source (by the logical name the environment resolves) and which of its tables. */
public class SourceSelection {
  @JsonPropertyDescription(
      "Logical name of the source, resolved by the CdcEnvironment (spec.sources.<name>)."
          + " Immutable: a pipeline cannot move to another database.")
  @Required
  @Pattern(Names.DNS_LABEL)
  @ValidationRule(
      value = "self == oldSelf",
      message = "source.name is immutable: create a new pipeline for another source",
      reason = "FieldValueForbidden")
  private String name;

  @JsonPropertyDescription(
      "The tables to capture, each at most once. Adding a table backfills its rows; removing one"
          + " stops its capture.")
  @Required
  @Size(min = 1, max = 500)
  @ValidationRule(
      value = "self.all(t, self.exists_one(u, u.name == t.name))",
      message = "each source table may be listed only once",
      reason = "FieldValueDuplicate")
  @ValidationRule(
      value =
          "self.all(t, !has(t.target) || self.exists_one(u, has(u.target) && u.target == t.target))",
      message = "two tables cannot have the same ClickHouse target",
      reason = "FieldValueDuplicate")
  private List<TableSpec> tables = new ArrayList<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<TableSpec> getTables() {
    return tables;
  }

  public void setTables(List<TableSpec> tables) {
    this.tables = tables;
  }
}
