package io.kubecdc.operator.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources read from the files of a standalone run, with each document as it was read (keyed
 * by {@code <kind> <namespace>/<name>}) and where it came from: a later read of edited files is
 * checked against them as the API server checks an update against the stored object.
 */
public record Manifests(
    List<CdcEnvironment> environments,
    List<CdcPipeline> pipelines,
    Map<String, Document> documents) {
  /** One manifest as read (namespace defaulted) and {@code <file> (document <n>)}. */
  public record Document(String where, ObjectNode manifest) {}

  public Manifests {
    environments = List.copyOf(environments);
    pipelines = List.copyOf(pipelines);
    documents = Map.copyOf(documents);
  }

  public static Manifests none() {
    return new Manifests(List.of(), List.of(), Map.of());
  }

  /** The environment a pipeline names, in the pipeline's namespace. */
  public Optional<CdcEnvironment> environmentOf(CdcPipeline pipeline) {
    String ns = pipeline.getMetadata().getNamespace();
    String name = pipeline.getSpec().getEnvironment();
    return environments.stream()
        .filter(e -> e.getMetadata().getNamespace().equals(ns))
        .filter(e -> e.getMetadata().getName().equals(name))
        .findFirst();
  }

  /** Where the pipeline {@code namespace/name} was read, for messages about it. */
  public String whereIs(String namespace, String name) {
    Document d = documents.get("CdcPipeline " + namespace + "/" + name);
    return d == null ? namespace + "/" + name : d.where();
  }
}
