package io.kubecdc.operator.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The text of {@code kubecdc status}: a table as {@code kubectl get} prints one (columns as wide as
 * their widest cell, {@code -} for what is not known), or the rows as JSON or YAML for scripts. The
 * RUNNING (a revision held back by its gate), GATE and DRIFT columns appear only when some pipeline
 * reports them; the times of the running revision are in JSON and YAML only. Pure, so that what a
 * user reads is unit-tested.
 */
public final class StatusTable {
  /** Output formats of {@code -o}. */
  public enum Format {
    table,
    json,
    yaml
  }

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML =
      Yaml.readable().serializationInclusion(JsonInclude.Include.NON_NULL).build();

  private record Column(String header, Function<PipelineRow, String> cell) {}

  private static final List<Column> ALWAYS =
      List.of(
          new Column("NAMESPACE", PipelineRow::namespace),
          new Column("NAME", PipelineRow::name),
          new Column("REVISION", PipelineRow::revision),
          new Column("READY", PipelineRow::ready),
          new Column("PHASE", PipelineRow::phase),
          new Column("TABLES", PipelineRow::tables),
          new Column("LAG", r -> r.lag() == null ? null : r.lag().toString()),
          new Column("FRESH", r -> fresh(r.freshnessSeconds())),
          new Column("CHECKPOINT", PipelineRow::checkpoint));
  private static final List<Column> WHEN_PRESENT =
      List.of(
          new Column("RUNNING", PipelineRow::running),
          new Column("GATE", PipelineRow::gate),
          new Column("DRIFT", PipelineRow::drift));

  private StatusTable() {}

  public static String render(List<PipelineRow> rows, Format format) {
    List<PipelineRow> sorted =
        rows.stream()
            .sorted(Comparator.comparing(PipelineRow::namespace).thenComparing(PipelineRow::name))
            .toList();
    try {
      return switch (format) {
        case json -> JSON.writeValueAsString(sorted) + System.lineSeparator();
        case yaml -> YAML.writeValueAsString(sorted);
        case table -> table(sorted);
      };
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("status rows cannot be serialized", e);
    }
  }

  private static String table(List<PipelineRow> rows) {
    List<Column> columns = new ArrayList<>(ALWAYS);
    WHEN_PRESENT.stream()
        .filter(c -> rows.stream().map(c.cell()).anyMatch(Objects::nonNull))
        .forEach(columns::add);
    int[] widths = columns.stream().mapToInt(c -> c.header().length()).toArray();
    List<List<String>> cells = new ArrayList<>();
    for (PipelineRow r : rows) {
      List<String> line = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        String v = Objects.requireNonNullElse(columns.get(i).cell().apply(r), "-");
        widths[i] = Math.max(widths[i], v.length());
        line.add(v);
      }
      cells.add(line);
    }
    StringBuilder b = new StringBuilder();
    line(b, columns.stream().map(Column::header).toList(), widths);
    cells.forEach(l -> line(b, l, widths));
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> values, int[] widths) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      l.append(String.format("%-" + (widths[i] + 3) + "s", values.get(i)));
    }
    b.append(l.toString().stripTrailing()).append(System.lineSeparator());
  }

  private static String fresh(Long seconds) {
    return seconds == null ? null : seconds + "s";
  }
}
