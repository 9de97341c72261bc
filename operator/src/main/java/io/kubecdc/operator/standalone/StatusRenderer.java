package io.kubecdc.operator.standalone;

import io.kubecdc.operator.status.ConditionRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Text of the live status: a block with the conditions and the table figures when the state
 * changes, a one-line summary when only the figures move, nothing when neither does. Pure, so that
 * what a user reads is unit-tested. Freshness grows on its own at idle, so it does not count as a
 * change.
 */
public final class StatusRenderer {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private StatusRenderer() {}

  /** What to print for {@code now} after {@code before} (null: first check); may be empty. */
  public static String render(PipelineView before, PipelineView now, Instant at) {
    if (before == null || !state(before).equals(state(now))) {
      return block(now, at);
    }
    if (!figures(before).equals(figures(now))) {
      return line(now, at);
    }
    return "";
  }

  static String block(PipelineView v, Instant at) {
    StringBuilder b = new StringBuilder();
    ConditionRecord ready = v.summary().ready();
    b.append(
        String.format(
            "%s %s  phase %s  Ready=%s %s%n",
            TIME.format(at), v.pipeline(), v.summary().phase(), ready.status(), ready.reason()));
    for (ConditionRecord c : v.summary().conditions()) {
      if (c != ready) {
        b.append(
            String.format(
                "  %-15s %-7s %-22s %s%n", c.type(), c.status(), c.reason(), c.message()));
      }
    }
    b.append(
        String.format(
            "  %-28s %10s %10s %6s %9s %5s%n",
            "table", "postgres", "clickhouse", "lag", "fresh", "dlq"));
    for (PipelineView.TableView t : v.tables()) {
      b.append(
          String.format(
              "  %-28s %10s %10s %6s %9s %5s%n",
              t.name(),
              count(t.sourceRows()),
              count(t.clickhouseRows()),
              t.lag() == null ? "-" : t.lag(),
              fresh(t.fresh()),
              t.deadLetters() == null ? "-" : t.deadLetters()));
    }
    return b.toString();
  }

  static String line(PipelineView v, Instant at) {
    StringBuilder b =
        new StringBuilder(TIME.format(at) + " " + v.pipeline() + " " + v.summary().phase());
    v.tables().forEach(t -> b.append(" | ").append(table(t)));
    return b.append(System.lineSeparator()).toString();
  }

  /** {@code public.orders 1400/1398 lag 2 fresh 0.4s}: rows in PostgreSQL/ClickHouse. */
  static String table(PipelineView.TableView t) {
    return t.name()
        + " "
        + count(t.sourceRows())
        + "/"
        + count(t.clickhouseRows())
        + " lag "
        + (t.lag() == null ? "-" : t.lag())
        + " fresh "
        + fresh(t.fresh())
        + (t.deadLetters() == null || t.deadLetters() == 0 ? "" : " dlq " + t.deadLetters());
  }

  private static List<String> state(PipelineView v) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(String.valueOf(v.summary().phase())),
            v.summary().conditions().stream()
                .map(c -> c.type() + "=" + c.status() + "/" + c.reason()))
        .toList();
  }

  private static List<String> figures(PipelineView v) {
    return v.tables().stream()
        .map(
            t ->
                count(t.sourceRows())
                    + "/"
                    + count(t.clickhouseRows())
                    + "/"
                    + t.lag()
                    + "/"
                    + t.deadLetters())
        .toList();
  }

  private static String count(OptionalLong n) {
    return n.isPresent() ? Long.toString(n.getAsLong()) : "-";
  }

  private static String fresh(Double seconds) {
    return seconds == null ? "-" : String.format(Locale.ROOT, "%.1fs", seconds);
  }
}
