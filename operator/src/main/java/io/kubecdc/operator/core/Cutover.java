package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.CutoverSettings;
import java.util.List;
import java.util.Optional;

/**
 * The switch rule, pure: a generation being built may take over when its workers are at most {@code
 * maxLag} records behind the topics and each of its tables holds as many current rows as the live
 * one, within {@code maxRowDifferencePercent} of the live count. A generation rebuilt from an
 * incremental snapshot must also have its snapshot reported complete by Debezium: until then rows
 * may still be on their way, and the row tolerance (there for writes in flight) could otherwise
 * hide a row that never arrives; a snapshot that was aborted or whose table scan failed makes the
 * build known incomplete, and it never switches. Says why, either way, in the words the status
 * shows.
 */
final class Cutover {
  private Cutover() {}

  /** Rows of one table in the live generation and in the one being built. */
  /**
   * Rows of one table in the live generation and in the one being built, and how many current rows
   * of the live one the build has never seen although they are older than all of its rows (0 when
   * not known).
   */
  record Rows(String table, long live, long building, long missing) {
    Rows(String table, long live, long building) {
      this(table, live, building, 0);
    }
  }

  /** {@code snapshotAgain}: the build missed rows, a new snapshot is to be asked for. */
  record Decision(boolean ready, String message, boolean snapshotAgain) {
    Decision(boolean ready, String message) {
      this(ready, message, false);
    }
  }

  /**
   * The incremental snapshot a generation is rebuilt from: the id of the signal sent (null while
   * none could be sent) and what Debezium reported of it.
   */
  record Snapshot(String signal, SnapshotProgress.Outcome outcome) {}

  static Decision decide(CutoverSettings s, long lag, List<Rows> rows) {
    return decide(s, lag, rows, Optional.empty());
  }

  static Decision decide(
      CutoverSettings s, long lag, List<Rows> rows, Optional<Snapshot> snapshot) {
    if (snapshot.isPresent()) {
      Snapshot snap = snapshot.get();
      if (snap.signal() == null) {
        return new Decision(false, "waiting: the incremental snapshot signal is not sent yet");
      }
      if (snap.outcome() == SnapshotProgress.Outcome.INCOMPLETE) {
        return new Decision(
            false,
            "incomplete: the incremental snapshot "
                + snap.signal()
                + " was aborted or a table scan failed, so rows may be missing; this build will"
                + " not switch: raise spec.checkpoint.version again to rebuild");
      }
    }
    Decision d = counts(s, lag, rows);
    if (snapshot.isPresent() && snapshot.get().outcome() == SnapshotProgress.Outcome.COMPLETED) {
      for (Rows r : rows) {
        if (r.missing() > 0) {
          return new Decision(
              false,
              "incomplete: "
                  + r.table()
                  + " lacks "
                  + r.missing()
                  + " rows of the live generation after the incremental snapshot "
                  + snapshot.get().signal()
                  + " completed; asking for another snapshot",
              true);
        }
      }
    }
    if (d.ready()
        && snapshot.isPresent()
        && snapshot.get().outcome() != SnapshotProgress.Outcome.COMPLETED) {
      return new Decision(
          false,
          "snapshotting: the incremental snapshot "
              + snapshot.get().signal()
              + " has not completed yet; "
              + d.message());
    }
    return d;
  }

  private static Decision counts(CutoverSettings s, long lag, List<Rows> rows) {
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
