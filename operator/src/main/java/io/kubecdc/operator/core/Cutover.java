package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.CutoverSettings;
import java.util.List;
import java.util.Optional;

/**
 * The switch rule, pure: a generation being built may take over when its workers are at most {@code
 * maxLag} records behind the topics and each of its tables holds as many current rows as the live
 * one, within {@code maxRowDifferencePercent} of the live count. Above the live count the build may
 * also hold the rows the live generation dead-lettered for that table: a rebuild (after a schema
 * change, say) writes the events the old generation could not, so a build that recovered them is
 * the better copy, not a suspect one. A generation rebuilt from an incremental snapshot must also
 * have its snapshot reported complete by Debezium and read to its end by both generations: until
 * then rows may still be on their way, and the row tolerance (there for writes in flight) could
 * otherwise hide a row that never arrives; a snapshot that was aborted or whose table scan failed
 * makes the build known incomplete, and it never switches. Says why, either way, in the words the
 * status shows.
 */
final class Cutover {
  private Cutover() {}

  /**
   * Rows of one table in the live generation and in the one being built; the table's records in the
   * dead-letter topic; how many current rows of the live one the build lacks after its snapshot (0
   * when not asked, -1 when ClickHouse could not say).
   */
  record Rows(String table, long live, long building, long deadLetters, long missing) {
    Rows(String table, long live, long building) {
      this(table, live, building, 0, 0);
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
   * none could be sent), what Debezium reported of it, and whether both generations have read every
   * record written up to its completion (only then can the build be checked for missing rows), and
   * how many snapshots this build asked for.
   */
  record Snapshot(String signal, SnapshotProgress.Outcome outcome, boolean read, int asked) {
    Snapshot(String signal, SnapshotProgress.Outcome outcome, boolean read) {
      this(signal, outcome, read, 1);
    }
  }

  /**
   * Snapshots a build asks for before it stops asking: rows that a new snapshot does not bring are
   * most likely rows the live generation holds but the source no longer has (a delete it never
   * applied), so more snapshots would read every table again and again for nothing. After that the
   * missing rows count against {@code maxRowDifferencePercent} like any difference, which is also
   * how a user lets such a build switch.
   */
  static final int MAX_SNAPSHOTS = 3;

  static Decision decide(CutoverSettings s, long lag, List<Rows> rows) {
    return decide(s, lag, rows, Optional.empty());
  }

  static Decision decide(
      CutoverSettings s, long lag, List<Rows> rows, Optional<Snapshot> snapshot) {
    Decision d = counts(s, lag, rows);
    if (snapshot.isEmpty()) {
      return d;
    }
    Snapshot snap = snapshot.get();
    if (snap.signal() == null) {
      return new Decision(false, "waiting: the incremental snapshot signal is not sent yet");
    }
    switch (snap.outcome()) {
      case INCOMPLETE -> {
        return new Decision(
            false,
            "incomplete: the incremental snapshot "
                + snap.signal()
                + " was aborted or a table scan failed, so rows may be missing; this build will"
                + " not switch: raise spec.checkpoint.version again to rebuild");
      }
      case RUNNING -> {
        return new Decision(
            false,
            "snapshotting: the incremental snapshot "
                + snap.signal()
                + " has not completed yet; "
                + d.message());
      }
      case COMPLETED -> {
        if (!snap.read()) {
          return new Decision(
              false,
              "snapshotting: the incremental snapshot "
                  + snap.signal()
                  + " completed, both generations are still reading up to its end; "
                  + d.message());
        }
        return missing(s, snap, rows).orElse(d);
      }
    }
    throw new IllegalStateException("unknown outcome " + snap.outcome());
  }

  /** A table the completed build lacks rows of, or that could not be checked. */
  private static Optional<Decision> missing(CutoverSettings s, Snapshot snap, List<Rows> rows) {
    for (Rows r : rows) {
      if (r.missing() < 0) {
        return Optional.of(
            new Decision(
                false,
                "checking: whether "
                    + r.table()
                    + " lacks rows of the live generation could not be read from ClickHouse"));
      }
      if (r.missing() > 0 && snap.asked() >= MAX_SNAPSHOTS) {
        double allowed = Math.max(r.live(), 1) * s.getMaxRowDifferencePercent() / 100.0;
        if (r.missing() > allowed) {
          return Optional.of(
              new Decision(
                  false,
                  "incomplete: "
                      + r.table()
                      + " still lacks "
                      + r.missing()
                      + " rows of the live generation after "
                      + snap.asked()
                      + " incremental snapshots (allowed difference "
                      + s.getMaxRowDifferencePercent()
                      + "%): rows the live generation holds but the source no longer has (a"
                      + " delete it never applied) look missing too; compare their keys with the"
                      + " source, then raise spec.checkpoint.cutover.maxRowDifferencePercent to"
                      + " switch anyway, or raise spec.checkpoint.version to rebuild"));
        }
        continue;
      }
      if (r.missing() > 0) {
        return Optional.of(
            new Decision(
                false,
                "incomplete: "
                    + r.table()
                    + " lacks "
                    + r.missing()
                    + " rows of the live generation after the incremental snapshot "
                    + snap.signal()
                    + " completed; asking for another snapshot",
                true));
      }
    }
    return Optional.empty();
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
      Optional<String> off = outOfTolerance(s, r);
      if (off.isPresent()) {
        return new Decision(false, "catching up: " + figures + "; " + off.get());
      }
    }
    return new Decision(true, "caught up: " + figures);
  }

  /**
   * Why a table's build is not within the tolerance: fewer rows than the live count minus the
   * allowed difference, or more than the live count plus the live generation's dead letters of that
   * table plus the allowed difference.
   */
  private static Optional<String> outOfTolerance(CutoverSettings s, Rows r) {
    double allowed = Math.max(r.live(), 1) * s.getMaxRowDifferencePercent() / 100.0;
    String counts =
        r.table() + " has " + r.building() + " rows, the live generation " + r.live() + " (";
    if (r.live() - r.building() > allowed) {
      return Optional.of(
          counts + "allowed difference " + s.getMaxRowDifferencePercent() + "%): too few");
    }
    if (r.building() - r.live() - r.deadLetters() > allowed) {
      return Optional.of(
          counts
              + "allowed difference "
              + s.getMaxRowDifferencePercent()
              + "% plus its "
              + r.deadLetters()
              + " dead-lettered records): more than the live generation holds or failed to"
              + " write");
    }
    return Optional.empty();
  }
}
