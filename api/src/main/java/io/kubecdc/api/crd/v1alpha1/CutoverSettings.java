package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/**
 * When a generation built beside the live one takes over, and what happens to the one it replaces.
 * The defaults switch as soon as the new generation is within a few hundred records of the topics'
 * end and holds as many rows as the live one, and keep the old tables for a day, so that a bad
 * rebuild can still be compared with what it replaced.
 */
public class CutoverSettings {
  /** What happens to a retired generation's ClickHouse tables. */
  public enum PreviousTables {
    /** Dropped once {@code retainPreviousFor} has passed since the switch. */
    Drop,
    /** Kept until someone drops them. */
    Retain
  }

  @JsonPropertyDescription(
      "The new generation switches in when its workers are at most this many records behind the"
          + " end of the topics (over all tables).")
  @Default("100")
  @Min(0)
  private long maxLag = 100;

  @JsonPropertyDescription(
      "...and when each of its tables holds as many current rows as the live generation's, within"
          + " this percentage of the live count.")
  @Default("1.0")
  @Min(0)
  @Max(100)
  private double maxRowDifferencePercent = 1.0;

  @JsonPropertyDescription(
      "The retired generation's tables: Drop (default) once retainPreviousFor has passed since the"
          + " switch, or Retain for good.")
  @Default("Drop")
  private PreviousTables previousTables = PreviousTables.Drop;

  @JsonPropertyDescription(
      "How long the retired generation's tables stay before they are dropped (with previousTables"
          + " Drop): a whole number with ms, s, m or h.")
  @Default("24h")
  @Pattern("^[0-9]+(ms|s|m|h)$")
  private String retainPreviousFor = "24h";

  public long getMaxLag() {
    return maxLag;
  }

  public void setMaxLag(long maxLag) {
    this.maxLag = maxLag;
  }

  public double getMaxRowDifferencePercent() {
    return maxRowDifferencePercent;
  }

  public void setMaxRowDifferencePercent(double maxRowDifferencePercent) {
    this.maxRowDifferencePercent = maxRowDifferencePercent;
  }

  public PreviousTables getPreviousTables() {
    return previousTables;
  }

  public void setPreviousTables(PreviousTables previousTables) {
    this.previousTables = previousTables;
  }

  public String getRetainPreviousFor() {
    return retainPreviousFor;
  }

  public void setRetainPreviousFor(String retainPreviousFor) {
    this.retainPreviousFor = retainPreviousFor;
  }
}
