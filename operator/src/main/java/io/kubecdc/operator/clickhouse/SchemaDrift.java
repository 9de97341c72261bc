package io.kubecdc.operator.clickhouse;

import io.kubecdc.contract.types.TypeWidening;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How an existing ClickHouse table differs from what the source catalog maps to, sorted by who
 * acts. Columns the source gained are added (by the operator or the worker, whichever comes first,
 * with the same statement). A type that {@link TypeWidening} can follow is left to the sink-worker,
 * which alters it when the first row of the new type arrives (it must switch its encoders at that
 * row; an ALTER by the operator in between would make the worker's inserts mismatch the column), so
 * it is only reported as pending. A type the column already holds (NOT NULL added, a narrowing) is
 * no difference at all. What cannot be followed in place is incompatible: another type, a widening
 * of a key column, a column the source no longer has (dropped or renamed: ClickHouse keeps it, and
 * new rows get NULL or the type's default there). The operator never drops or changes a column:
 * rebuilding the table is what raising {@code spec.checkpoint.version} is for.
 *
 * @param missing source columns the table lacks, to add
 * @param pending widenings the worker will apply, as {@code column: old -> new}
 * @param incompatible changes that need a rebuild, as {@code column: old -> new} or {@code column
 *     no longer in the source ...}
 */
public record SchemaDrift(
    List<ColumnSpec> missing, List<String> pending, List<String> incompatible) {
  public static SchemaDrift compare(TablePlan plan, List<ColumnSpec> existing) {
    Map<String, String> have =
        existing.stream()
            .collect(Collectors.toMap(ColumnSpec::name, ColumnSpec::type, (a, b) -> a));
    List<ColumnSpec> missing = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    List<String> incompatible = new ArrayList<>();
    for (ColumnSpec c : plan.columns()) {
      String actual = have.get(c.name());
      if (actual == null) {
        missing.add(c);
        continue;
      }
      TypeWidening.Change change = TypeWidening.classify(actual, c.type());
      String what = "%s: %s -> %s".formatted(c.name(), actual, c.type());
      if (change == TypeWidening.Change.WIDEN && !plan.orderBy().contains(c.name())) {
        pending.add(what);
      } else if (change != TypeWidening.Change.NONE) {
        incompatible.add(
            plan.orderBy().contains(c.name()) ? what + " (a key column, never altered)" : what);
      }
    }
    Set<String> source = plan.columns().stream().map(ColumnSpec::name).collect(Collectors.toSet());
    List<String> gone =
        existing.stream()
            .map(ColumnSpec::name)
            .filter(n -> !source.contains(n))
            .filter(n -> !n.equals(TableLayout.VERSION) && !n.equals(TableLayout.DELETED))
            .toList();
    for (String name : gone) {
      incompatible.add(
          name
              + " no longer in the source (dropped or renamed): kept, new rows get NULL or the default");
    }
    return new SchemaDrift(List.copyOf(missing), List.copyOf(pending), List.copyOf(incompatible));
  }
}
