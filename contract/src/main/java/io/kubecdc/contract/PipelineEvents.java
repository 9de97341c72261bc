package io.kubecdc.contract;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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

  /**
   * Debezium's {@code table.include.list} for exactly these schema-qualified tables: the list holds
   * regular expressions that must match a whole name, so every character that is not a letter,
   * digit or underscore is escaped (a bare {@code .} would also match other tables, and {@code
   * shop.orders.*} would capture the partitions of a partitioned {@code shop.orders} besides its
   * root).
   */
  public static String tableIncludeList(Collection<String> qualifiedTables) {
    return qualifiedTables.stream().map(PipelineEvents::literal).collect(Collectors.joining(","));
  }

  private static String literal(String name) {
    StringBuilder b = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              if (!Character.isLetterOrDigit(c) && c != '_') {
                b.append('\\');
              }
              b.appendCodePoint(c);
            });
    return b.toString();
  }
}
