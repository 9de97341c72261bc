package io.kubecdc.contract;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event settings that differ per pipeline, each one value that both ends take: the connector
 * config gets {@code unavailable.value.placeholder} and its producer and topic limits from here,
 * the sink-worker's config gets {@code toastPlaceholder} and {@code kafka.maxEventBytes} from the
 * same record, so the two cannot disagree.
 */
public record PipelineEvents(String toastPlaceholder, EventSizeLimit sizeLimit) {
  public PipelineEvents {
    String problem = ToastPlaceholder.problem(toastPlaceholder);
    if (problem != null) {
      throw new IllegalArgumentException("toastPlaceholder: " + problem);
    }
    if (sizeLimit == null) {
      throw new IllegalArgumentException("sizeLimit: must not be null");
    }
  }

  /** The settings of pipeline {@code name} in {@code namespace}, with the default size limit. */
  public static PipelineEvents forPipeline(String namespace, String name) {
    return new PipelineEvents(
        ToastPlaceholder.forPipeline(namespace, name), EventSizeLimit.DEFAULT);
  }

  /** The settings of the pipeline these names belong to, with the default size limit. */
  public static PipelineEvents forPipeline(PipelineNames names) {
    return forPipeline(names.namespace(), names.pipeline());
  }

  public PipelineEvents withSizeLimit(EventSizeLimit limit) {
    return new PipelineEvents(toastPlaceholder, limit);
  }

  /** {@link EventShape#connectorSettings()} plus this pipeline's placeholder and limits. */
  public Map<String, String> connectorSettings() {
    Map<String, String> s = new TreeMap<>(EventShape.connectorSettings());
    s.put("unavailable.value.placeholder", toastPlaceholder);
    s.putAll(sizeLimit.connectorSettings());
    return Collections.unmodifiableMap(s);
  }
}
