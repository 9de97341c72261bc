package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.CutoverSettings;
import java.util.List;

/**
 * The switch rule, pure: a generation being built may take over when its workers are at most {@code
 * maxLag} records behind the topics and each of its tables holds as many current rows as the live
 * one, within {@code maxRowDifferencePercent} of the live count. Says why, either way, in the words
 * the status shows.
 */
final class Cutover {
  private Cutover() {}

  /** Rows of one table in the live generation and in the one being built. */
  record Rows(String table, long live, long building) {}

  record Decision(boolean ready, String message) {}

  static Decision decide(CutoverSettings s, long lag, List<Rows> rows) {
    long live = rows.stream().mapToLong(Rows::live).sum();
    long built = rows.stream().mapToLong(Rows::building).sum();
    String figures =
        "lag " + lag + " (switch at <= " + s.getMaxLag() + "), rows " + built + "/" + live;
    if (lag > s.getMaxLag()) {
      return new Decision(false, "catching up: " + figures);
    }
    for (Rows r : rows) {
      double allowed = Math.max(r.live(), 1) * s.getMaxRowDifferencePercent() / 100.0;
      if (Math.abs(r.building() - r.live()) > allowed) {
        return new Decision(
            false,
            "catching up: "
                + figures
                + "; "
                + r.table()
                + " has "
                + r.building()
                + " rows, the live generation "
                + r.live()
                + " (allowed difference "
                + s.getMaxRowDifferencePercent()
                + "%)");
      }
    }
    return new Decision(true, "caught up: " + figures);
  }
}
