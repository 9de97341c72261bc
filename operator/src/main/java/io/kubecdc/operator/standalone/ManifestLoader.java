package io.kubecdc.operator.standalone;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.validation.ManifestValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CdcEnvironment and CdcPipeline manifests from YAML files (several documents per file, as
 * {@code kubectl apply -f} takes them) and checks them as the API server would: the schema, the CEL
 * rules, and unknown fields (which the API server would silently drop: here they are refused, so
 * that a typo does not go unnoticed). A missing namespace is {@code default}. Read again after an
 * edit, each manifest is also checked against the one read before, with the CRD's transition rules
 * (a lowered {@code spec.checkpoint.version}, a changed {@code spec.source.name}).
 */
public final class ManifestLoader {
  private static final String API_VERSION = "kubecdc.io/v1alpha1";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper STRICT =
      Serialization.jsonMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ManifestLoader() {}

  public static Manifests load(List<Path> files) {
    return load(files, Manifests.none());
  }

  /** The files as an update of {@code before}, the manifests read from them earlier. */
  public static Manifests load(List<Path> files, Manifests before) {
    List<CdcEnvironment> environments = new ArrayList<>();
    List<CdcPipeline> pipelines = new ArrayList<>();
    Map<String, Manifests.Document> documents = new HashMap<>();
    for (Path file : files) {
      int index = 0;
      for (JsonNode doc : documents(file)) {
        index++;
        String where = file + " (document " + index + ")";
        ObjectNode manifest = object(doc, where);
        String kind = manifest.path("kind").asText();
        String name = manifest.path("metadata").path("name").asText("");
        if (!API_VERSION.equals(manifest.path("apiVersion").asText())
            || !(kind.equals("CdcPipeline") || kind.equals("CdcEnvironment"))) {
          throw new ManifestException(
              where
                  + ": not a KubeCDC resource (apiVersion "
                  + API_VERSION
                  + ", kind CdcPipeline or CdcEnvironment expected, got "
                  + manifest.path("apiVersion").asText("none")
                  + " "
                  + kind
                  + ")");
        }
        if (name.isBlank()) {
          throw new ManifestException(where + ": metadata.name is missing");
        }
        ObjectNode meta = (ObjectNode) manifest.get("metadata");
        if (!meta.hasNonNull("namespace")) {
          meta.put("namespace", "default");
        }
        String id = kind + " " + meta.get("namespace").asText() + "/" + name;
        if (documents.putIfAbsent(id, new Manifests.Document(where, manifest)) != null) {
          throw new ManifestException(where + ": " + id + " is defined twice");
        }
        Manifests.Document old = before.documents().get(id);
        List<String> problems =
            ManifestValidator.forKind(kind).validate(manifest, old == null ? null : old.manifest());
        if (!problems.isEmpty()) {
          throw new ManifestException(where + ", " + id + ": " + String.join("; ", problems));
        }
        if (kind.equals("CdcPipeline")) {
          pipelines.add(convert(manifest, CdcPipeline.class, where));
        } else {
          environments.add(convert(manifest, CdcEnvironment.class, where));
        }
      }
    }
    return new Manifests(environments, pipelines, documents);
  }

  private static List<JsonNode> documents(Path file) {
    try (var parser = YAML.getFactory().createParser(Files.newBufferedReader(file))) {
      List<JsonNode> docs = new ArrayList<>();
      YAML.readValues(parser, JsonNode.class)
          .forEachRemaining(
              d -> {
                if (d != null && !d.isNull() && !d.isMissingNode()) {
                  docs.add(d);
                }
              });
      return docs;
    } catch (IOException | RuntimeException e) {
      throw new ManifestException(file + ": not readable YAML: " + e.getMessage(), e);
    }
  }

  private static ObjectNode object(JsonNode doc, String where) {
    if (!(doc instanceof ObjectNode o)) {
      throw new ManifestException(where + ": expected a mapping, got " + doc.getNodeType());
    }
    return o;
  }

  private static <T> T convert(ObjectNode manifest, Class<T> type, String where) {
    ObjectNode copy = manifest.deepCopy();
    copy.remove("status");
    try {
      return STRICT.treeToValue(copy, type);
    } catch (UnrecognizedPropertyException e) {
      throw new ManifestException(where + ": unknown field " + path(e), e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ManifestException(where + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String path(UnrecognizedPropertyException e) {
    StringBuilder p = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        p.append(p.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else {
        p.append('[').append(ref.getIndex()).append(']');
      }
    }
    return p.toString();
  }
}
