package io.kubecdc.operator.promotion;

import io.kubecdc.operator.status.ConditionRecord;
import java.time.Instant;
import java.util.Optional;

/**
 * Drift from the GitOps source: the manifest in Git carries the revision of its spec in the
 * annotation {@value #ANNOTATION} ({@code kubecdc promote} writes it). A hand edit ({@code kubectl
 * edit}, {@code patch}) changes the spec but not the annotation, so the spec's revision no longer
 * matches it. An annotation, and not Argo CD's tracking id or the managed fields of a field
 * manager, because it works the same with Argo CD, Flux, {@code kubectl apply -k} and on the mock
 * server, and it names the revision Git holds, which is what a reader compares with {@code
 * status.revision}. Without the annotation nothing is said.
 */
public final class SourceDrift {
  public static final String ANNOTATION = "kubecdc.io/source-revision";
  public static final String CONDITION = "SourceInSync";

  private SourceDrift() {}

  public static Optional<ConditionRecord> condition(
      String sourceRevision, String revision, Instant now, long generation) {
    if (sourceRevision == null || sourceRevision.isBlank()) {
      return Optional.empty();
    }
    if (sourceRevision.equals(revision)) {
      return Optional.of(
          new ConditionRecord(
              CONDITION,
              ConditionRecord.TRUE,
              "MatchesSource",
              "spec is revision " + revision + ", as " + ANNOTATION + " says",
              now,
              generation));
    }
    return Optional.of(
        new ConditionRecord(
            CONDITION,
            ConditionRecord.FALSE,
            "DriftedFromSource",
            "spec is revision "
                + revision
                + " but the GitOps source says "
                + sourceRevision
                + " ("
                + ANNOTATION
                + "): the spec was changed outside Git; commit the change to Git or let the"
                + " GitOps tool sync it back",
            now,
            generation));
  }
}
