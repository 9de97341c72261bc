package io.kubecdc.operator.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.revision.PipelineRevision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code kubecdc diff} compares: each side's pipeline as one YAML document of its revision and
 * its spec, keys sorted and empty values left out, so that two applies of one manifest print the
 * same text whatever their key order or which defaults were written out; and the unified diff of
 * the two documents (three lines of context, as diff -u), empty when they are equal. Environment
 * details are not in a pipeline, so what differs is what a promotion would change.
 */
public final class PipelineDiff {
  private static final int CONTEXT_LINES = 3;
  private static final ObjectMapper YAML =
      Yaml.readable()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .serializationInclusion(JsonInclude.Include.NON_EMPTY)
          .build();

  private PipelineDiff() {}

  /** The document of one side: {@code revision} (the hash of the spec), then {@code spec}. */
  public static String document(CdcPipelineSpec spec) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("revision", PipelineRevision.of(spec));
    doc.put("spec", spec);
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("spec cannot be serialized", e);
    }
  }

  /**
   * The unified diff from {@code from} to {@code to}, labelled as given ({@code dev/orders}); an
   * empty string when the documents are equal.
   */
  public static String unified(String fromLabel, String from, String toLabel, String to) {
    List<String> a = from.lines().toList();
    List<String> b = to.lines().toList();
    Patch<String> patch = DiffUtils.diff(a, b);
    if (patch.getDeltas().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    UnifiedDiffUtils.generateUnifiedDiff(fromLabel, toLabel, a, patch, CONTEXT_LINES)
        .forEach(l -> out.append(l).append(System.lineSeparator()));
    return out.toString();
  }
}
