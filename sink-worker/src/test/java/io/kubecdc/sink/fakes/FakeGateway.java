package io.kubecdc.sink.fakes;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.clickhouse.ClickHouseRejectedException;
import io.kubecdc.sink.clickhouse.ClickHouseSystematicException;
import io.kubecdc.sink.clickhouse.ClickHouseUnavailableException;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Records what the sink asks of ClickHouse. Inserts whose body contains "poison" are rejected as
 * bad data; the next {@link #unavailableFor} calls fail as if ClickHouse were down.
 */
public final class FakeGateway implements ClickHouseGateway {
  /** Every call in order: "execute: sql", "insert: lines", "select: sql". */
  public final List<String> calls = new ArrayList<>();

  /** Lines of every acknowledged insert. */
  public final List<String> inserted = new ArrayList<>();

  public Function<String, List<Map<String, Object>>> selectAnswer = sql -> List.of();
  public List<ColumnSpec> columns = List.of();
  public int unavailableFor;

  /** While true, bodies containing "poison" are rejected as bad data (code 27). */
  public boolean rejectPoison = true;

  /** The next inserts fail as if the table had lost a column (code 16, systematic). */
  public int refuseFor;

  private void maybeDown() {
    if (unavailableFor > 0) {
      unavailableFor--;
      throw new ClickHouseUnavailableException("connection refused", null);
    }
  }

  @Override
  public void execute(String sql) {
    maybeDown();
    calls.add("execute: " + sql);
  }

  @Override
  public List<ColumnSpec> columns(String database, String table) {
    maybeDown();
    return columns;
  }

  @Override
  public long insert(TableLayout layout, Body body) {
    maybeDown();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      body.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    if (refuseFor > 0) {
      refuseFor--;
      calls.add("refused: " + text.lines().count());
      throw new ClickHouseSystematicException(16, "No such column name in table", null);
    }
    if (rejectPoison && text.contains("poison")) {
      calls.add("rejected: " + text.lines().count());
      throw new ClickHouseRejectedException(27, "Cannot parse input", null);
    }
    List<String> lines = text.lines().toList();
    calls.add("insert: " + String.join(" / ", lines));
    inserted.addAll(lines);
    return lines.size();
  }

  @Override
  public List<Map<String, Object>> select(String sql) {
    maybeDown();
    calls.add("select: " + sql);
    return selectAnswer.apply(sql);
  }

  @Override
  public boolean ping() {
    return unavailableFor == 0;
  }

  @Override
  public void close() {}
}
