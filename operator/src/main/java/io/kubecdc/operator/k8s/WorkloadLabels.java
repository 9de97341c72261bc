package io.kubecdc.operator.k8s;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code app.kubernetes.io/*} labels of everything the operator creates for a pipeline, in one
 * place, so that {@code kubectl get all -l app.kubernetes.io/instance=<pipeline>} finds it all and
 * the operator's informers watch only what it manages.
 */
public final class WorkloadLabels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String VERSION = "app.kubernetes.io/version";

  static final String SINK_NAME = "kubecdc-sink-worker";
  static final String MANAGER = "kubecdc-operator";

  /** The selector of the informers: only objects this operator manages. */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGER;

  private WorkloadLabels() {}

  /** Labels that identify a pipeline's sink-worker pods; stable, so usable as a selector. */
  public static Map<String, String> selector(String pipeline) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, SINK_NAME);
    labels.put(INSTANCE, labelValue(pipeline));
    return labels;
  }

  /** All labels of a sink-worker object; {@code version} is the image tag. */
  public static Map<String, String> sink(String pipeline, String image) {
    Map<String, String> labels = selector(pipeline);
    labels.put(COMPONENT, "sink-worker");
    labels.put(PART_OF, "kubecdc");
    labels.put(MANAGED_BY, MANAGER);
    labels.put(VERSION, labelValue(imageTag(image)));
    return labels;
  }

  /** The tag of an image reference (after the last ':' that follows the last '/'), or latest. */
  static String imageTag(String image) {
    String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    return colon > slash ? ref.substring(colon + 1) : "latest";
  }

  /** A valid label value: at most 63 of [A-Za-z0-9._-], alphanumeric at both ends. */
  static String labelValue(String raw) {
    String v = raw.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[^A-Za-z0-9]+", "");
    v = v.length() > 63 ? v.substring(0, 63) : v;
    return v.replaceAll("[^A-Za-z0-9]+$", "");
  }
}
