package io.kubecdc.operator.report;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** YAML as the reports print it: no {@code ---}, quotes only where needed, no folded lines. */
final class Yaml {
  private Yaml() {}

  /**
   * A mapper builder for readable YAML; a string that looks like a number stays quoted, so that it
   * reads back as the string it was (a checkpoint {@code "2"}).
   */
  static YAMLMapper.Builder readable() {
    return YAMLMapper.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .disable(YAMLGenerator.Feature.SPLIT_LINES);
  }
}
