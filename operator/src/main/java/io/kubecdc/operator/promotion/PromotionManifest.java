package io.kubecdc.operator.promotion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.api.revision.PipelineRevision;
import java.util.ArrayList;
import java.util.List;

/**
 * The CdcPipeline manifest that {@code kubecdc promote} writes into a GitOps overlay: the spec that
 * was proven upstream, without the fields that only repeat a default (so the file reads like the
 * one a person wrote, and a later change of a default is not pinned in Git), without {@code paused}
 * (operational, not promoted: the target's own value is kept), and with the annotation {@value
 * SourceDrift#ANNOTATION} naming its revision, which the operator compares to report drift. The
 * pruned spec is checked to have the same revision; if it had not, the full spec is written.
 */
public final class PromotionManifest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private PromotionManifest() {}

  /** The manifest's YAML; {@code paused} true keeps the target paused. */
  public static String yaml(String name, CdcPipelineSpec spec, boolean paused) {
    CdcPipelineSpec copy = JSON.convertValue(spec, CdcPipelineSpec.class);
    copy.setPaused(paused);
    String revision = PipelineRevision.of(copy);
    ObjectNode specTree = prune(JSON.valueToTree(copy), JSON.valueToTree(new CdcPipelineSpec()));
    if (paused) {
      specTree.put("paused", true);
    }
    if (!revision.equals(PipelineRevision.of(JSON.convertValue(specTree, CdcPipelineSpec.class)))) {
      specTree = JSON.valueToTree(copy);
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.put("apiVersion", CdcPipeline.GROUP + "/" + CdcPipeline.VERSION);
    doc.put("kind", io.fabric8.kubernetes.api.model.HasMetadata.getKind(CdcPipeline.class));
    ObjectNode meta = doc.putObject("metadata");
    meta.put("name", name);
    meta.putObject("annotations").put(SourceDrift.ANNOTATION, revision);
    doc.set("spec", specTree);
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always serializes", e);
    }
  }

  /** {@code node} without what equals {@code defaults}, nulls and empty lists and maps. */
  private static ObjectNode prune(JsonNode node, JsonNode defaults) {
    ObjectNode out = JSON.createObjectNode();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    for (String f : names) {
      JsonNode v = node.get(f);
      JsonNode d = defaults == null ? null : defaults.get(f);
      if (f.equals("paused") || v.isNull() || (v.isContainerNode() && v.isEmpty())) {
        continue;
      }
      if (v.isObject()) {
        ObjectNode p = prune(v, d);
        if (!p.isEmpty()) {
          out.set(f, p);
        }
      } else if (v.isArray() && f.equals("tables")) {
        var tables = out.putArray(f);
        v.forEach(t -> tables.add(prune(t, JSON.valueToTree(new TableSpec()))));
      } else if (!v.equals(d)) {
        out.set(f, v);
      }
    }
    return out;
  }
}
