package io.kubecdc.sink.config;

import java.util.List;

/** An invalid configuration; each problem names its field path, e.g. {@code tables[1].table}. */
public class ConfigException extends Exception {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super("invalid sink configuration:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
