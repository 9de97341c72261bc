package io.kubecdc.operator.connect;

import io.kubecdc.api.crd.v1alpha1.SourceConnection;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.contract.PipelineEvents;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.core.PipelineRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders the Debezium PostgreSQL connector config of a pipeline: the connection from the
 * environment with credentials as config-provider references only (Connect resolves them; the
 * operator never sends a password), the names from {@link PipelineNames}, the tables from the spec,
 * and the event shape, TOAST placeholder and size limits from {@link PipelineEvents}, from which
 * the sink-worker's config takes the same values.
 */
public final class ConnectorConfig {
  public static final String CONNECTOR_CLASS = "io.debezium.connector.postgresql.PostgresConnector";

  private ConnectorConfig() {}

  public static Map<String, String> render(PipelineRequest request) {
    PipelineNames names = request.names();
    SourceConnection source =
        request.environment().getSources().get(request.spec().getSource().getName());
    if (source == null) {
      throw new IllegalArgumentException(
          "environment has no source " + request.spec().getSource().getName());
    }
    List<TableSpec> tables = request.spec().getSource().getTables();
    Map<String, String> c = new TreeMap<>(PipelineEvents.forPipeline(names).connectorSettings());
    c.put("connector.class", CONNECTOR_CLASS);
    c.put("tasks.max", "1");
    c.put("database.hostname", source.getHost());
    c.put("database.port", Integer.toString(source.getPort()));
    c.put("database.dbname", source.getDatabase());
    c.put("database.user", request.secrets().source().userReference());
    c.put("database.password", request.secrets().source().passwordReference());
    c.put("database.sslmode", source.getSslMode().libpq());
    c.put("plugin.name", "pgoutput");
    c.put("slot.name", names.slot());
    c.put("publication.name", names.publication());
    c.put("publication.autocreate.mode", "filtered");
    c.put("topic.prefix", names.topicPrefix());
    c.put(
        "table.include.list",
        tables.stream()
            .map(t -> tableRegex(TableName.parse(t.getName())))
            .collect(Collectors.joining(",")));
    String excluded =
        tables.stream()
            .flatMap(
                t ->
                    t.getExcludeColumns().stream()
                        .map(
                            col -> tableRegex(TableName.parse(t.getName())) + "\\." + literal(col)))
            .collect(Collectors.joining(","));
    if (!excluded.isEmpty()) {
      c.put("column.exclude.list", excluded);
    }
    return c;
  }

  /** Debezium matches include lists as regexes against {@code schema.table}: match exactly. */
  static String tableRegex(TableName t) {
    return literal(t.schema()) + "\\." + literal(t.table());
  }

  /**
   * A regex matching exactly {@code text}. Every character but letters, digits and '_' is written
   * as a {@code \x{..}} escape, so that no dot, comma (Debezium splits its lists on commas), quote
   * or space appears literally.
   */
  static String literal(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (cp < 128 && (Character.isLetterOrDigit(cp) || cp == '_')) {
                out.appendCodePoint(cp);
              } else {
                out.append("\\x{").append(Integer.toHexString(cp)).append('}');
              }
            });
    return out.toString();
  }
}
