package io.kubecdc.sink.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a source TRUNCATE does to the target table. */
public enum TruncatePolicy {
  /** Mark every live row deleted at the truncate's version (replay-safe). */
  DELETE,
  /** Skip the truncate with a WARN and a metric. */
  IGNORE;

  @JsonCreator
  public static TruncatePolicy parse(String value) {
    for (TruncatePolicy p : values()) {
      if (p.name().equalsIgnoreCase(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException("must be one of delete, ignore");
  }

  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
