package io.kubecdc.operator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.operator.core.TablePlans;
import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.table.TableLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where {@code kubecdc dbt-sources} gets the columns of a pipeline's tables: from ClickHouse's
 * {@code system.columns} (what readers really see, including columns the source gained since), else
 * from the worker config the operator rendered (the columns it created, with their types), else
 * only the bookkeeping columns every table has. The table names come from the spec in every case,
 * so that they are the names readers use.
 */
public final class DbtColumns {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private DbtColumns() {}

  /** The tables as ClickHouse has them; a table not (yet) there has no columns. */
  public static List<DbtTable> fromClickHouse(ClickHouseGateway ch, CdcPipelineSpec spec) {
    String db = quote(spec.getClickhouse().getDatabase());
    Map<String, String> engines = new HashMap<>();
    ch.select("SELECT name, engine FROM system.tables WHERE database = " + db)
        .forEach(r -> engines.put(String.valueOf(r.get("name")), String.valueOf(r.get("engine"))));
    Map<String, List<DbtTable.Column>> columns = new HashMap<>();
    ch.select(
            "SELECT table, name, type FROM system.columns WHERE database = "
                + db
                + " ORDER BY table, position")
        .forEach(
            r ->
                columns
                    .computeIfAbsent(String.valueOf(r.get("table")), t -> new ArrayList<>())
                    .add(
                        new DbtTable.Column(
                            String.valueOf(r.get("name")), String.valueOf(r.get("type")))));
    return tables(spec, t -> engines.get(t), t -> columns.getOrDefault(t, List.of()));
  }

  /**
   * The tables as the worker config ({@code sink.yaml}) lists them; a table it does not list gets
   * the bookkeeping columns only.
   */
  public static List<DbtTable> fromWorkerConfig(String sinkYaml, CdcPipelineSpec spec) {
    Map<String, List<DbtTable.Column>> columns = new HashMap<>();
    try {
      for (JsonNode t : YAML.readTree(sinkYaml).path("tables")) {
        List<DbtTable.Column> list = new ArrayList<>();
        t.path("columns")
            .forEach(
                c ->
                    list.add(
                        new DbtTable.Column(c.path("name").asText(), c.path("type").asText())));
        list.addAll(bookkeeping());
        columns.put(t.path("table").asText(), list);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the worker config is not YAML", e);
    }
    return tables(spec, t -> null, t -> columns.getOrDefault(t, bookkeeping()));
  }

  /** The tables of the spec with only the columns every table has. */
  public static List<DbtTable> fromSpec(CdcPipelineSpec spec) {
    return tables(spec, t -> null, t -> bookkeeping());
  }

  private static List<DbtTable> tables(
      CdcPipelineSpec spec,
      Function<String, String> engine,
      Function<String, List<DbtTable.Column>> columns) {
    List<DbtTable> out = new ArrayList<>();
    for (TableSpec t : spec.getSource().getTables()) {
      String name = TablePlans.targetName(t);
      out.add(new DbtTable(name, t.getName(), engine.apply(name), columns.apply(name)));
    }
    return out;
  }

  private static List<DbtTable.Column> bookkeeping() {
    return List.of(
        new DbtTable.Column(TableLayout.VERSION, "UInt64"),
        new DbtTable.Column(TableLayout.DELETED, "UInt8"));
  }

  private static String quote(String literal) {
    return "'" + literal.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
