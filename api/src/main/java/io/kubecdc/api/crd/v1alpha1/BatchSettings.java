package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * When the worker inserts a table's pending rows: whichever limit is reached first. The defaults
 * give sub-second freshness at low rates and large inserts at high rates.
 */
public class BatchSettings {
  @JsonPropertyDescription("Rows per insert at most.")
  @Default("100000")
  @Min(1)
  @Max(10000000)
  private int maxRows = 100_000;

  @JsonPropertyDescription("Encoded bytes per insert at most.")
  @Default("67108864")
  @Min(1024)
  @Max(1073741824)
  private long maxBytes = 64L * 1024 * 1024;

  @JsonPropertyDescription("How long the oldest pending row may wait, in milliseconds.")
  @Default("200")
  @Min(1)
  @Max(600000)
  private int maxDelayMs = 200;

  public int getMaxRows() {
    return maxRows;
  }

  public void setMaxRows(int maxRows) {
    this.maxRows = maxRows;
  }

  public long getMaxBytes() {
    return maxBytes;
  }

  public void setMaxBytes(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public int getMaxDelayMs() {
    return maxDelayMs;
  }

  public void setMaxDelayMs(int maxDelayMs) {
    this.maxDelayMs = maxDelayMs;
  }
}
