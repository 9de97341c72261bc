package io.kubecdc.operator.connect;

import io.kubecdc.api.crd.v1alpha1.SourceConnection;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.contract.PipelineEvents;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.core.PipelineRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern ESCAPE = Pattern.compile("\\\\x\\{([0-9a-f]+)}");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]*");

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
    c.putAll(SnapshotSignals.connectorSettings(names, request.environment().getKafka()));
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
   * The tables a rendered config captures, read back from its {@code table.include.list}: what the
   * connector in Connect captures now, so that a table added or removed in the spec is seen as such
   * after an operator restart too. Entries this class did not render are ignored.
   */
  public static List<TableName> capturedTables(Map<String, String> config) {
    String list = config.getOrDefault("table.include.list", "");
    List<TableName> out = new ArrayList<>();
    for (String entry : list.isEmpty() ? new String[0] : list.split(",")) {
      tableOf(entry).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The table that a regex from {@link #tableRegex(TableName)} matches; empty for other regexes.
   */
  public static Optional<TableName> tableOf(String regex) {
    String[] parts = regex.split("\\\\\\.", -1);
    if (parts.length != 2) {
      return Optional.empty();
    }
    return unliteral(parts[0]).flatMap(s -> unliteral(parts[1]).map(t -> new TableName(s, t)));
  }

  private static Optional<String> unliteral(String regex) {
    Matcher m = ESCAPE.matcher(regex);
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (m.find()) {
      String plain = regex.substring(at, m.start());
      if (!WORD.matcher(plain).matches()) {
        return Optional.empty();
      }
      out.append(plain).appendCodePoint(Integer.parseInt(m.group(1), 16));
      at = m.end();
    }
    String rest = regex.substring(at);
    return WORD.matcher(rest).matches()
        ? Optional.of(out.append(rest).toString())
        : Optional.empty();
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
