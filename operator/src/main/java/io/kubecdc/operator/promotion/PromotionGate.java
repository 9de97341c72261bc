package io.kubecdc.operator.promotion;

import io.kubecdc.api.crd.v1alpha1.AppliedRevision;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.crd.v1alpha1.PromotionRequirement;
import io.kubecdc.operator.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether a revision of a pipeline may be applied in an environment whose {@code
 * spec.promotion.requires} names upstream namespaces: in each, the pipeline of the same name must
 * run exactly that revision (its {@code status.applied}, not merely its spec), be Ready and caught
 * up for {@code readyFor}, with its lag never above {@code maxLag} since it caught up and at most
 * {@code deadLetters} dead letters since it became Ready. Without Kubernetes types, so that the
 * operator (informer cache) and {@code kubecdc promote} (API reads) give the same answer.
 */
public final class PromotionGate {
  private PromotionGate() {}

  public static GateResult evaluate(
      String pipeline,
      String revision,
      List<PromotionRequirement> requires,
      Function<String, Upstream> lookup,
      Instant now) {
    List<String> missing = new ArrayList<>();
    List<String> met = new ArrayList<>();
    Instant waitEnds = null;
    boolean onlyTime = true;
    for (PromotionRequirement req : requires) {
      Upstream up = lookup.apply(req.getNamespace());
      String who = req.getNamespace() + "/" + pipeline;
      Duration readyFor = Durations.parse(req.getReadyFor()).orElse(Duration.ZERO);
      Optional<String> blocked = blocked(up, who, revision);
      if (blocked.isPresent()) {
        missing.add(blocked.get());
        onlyTime = false;
        continue;
      }
      CdcPipelineStatus status = up.status().orElseThrow();
      AppliedRevision a = status.getApplied();
      Instant caughtUp = Instant.parse(a.getCaughtUpAt());
      Duration proven = Duration.between(caughtUp, now);
      long maxLag = a.getMaxLag() == null ? 0 : a.getMaxLag();
      long deadLetters = deadLettersSinceReady(status);
      List<String> own = new ArrayList<>();
      if (proven.compareTo(readyFor) < 0) {
        Instant ends = caughtUp.plus(readyFor);
        waitEnds = waitEnds == null || ends.isAfter(waitEnds) ? ends : waitEnds;
        own.add(
            who
                + " Ready and caught up for "
                + text(proven)
                + " of "
                + req.getReadyFor()
                + ": wait "
                + text(readyFor.minus(proven)));
      }
      if (maxLag > req.getMaxLag()) {
        onlyTime = false;
        own.add(
            who
                + " lag reached "
                + maxLag
                + " since it caught up (maxLag "
                + req.getMaxLag()
                + ")");
      }
      if (deadLetters > req.getDeadLetters()) {
        onlyTime = false;
        own.add(
            who
                + " dead-lettered "
                + deadLetters
                + " record(s) since Ready (deadLetters "
                + req.getDeadLetters()
                + ")");
      }
      if (own.isEmpty()) {
        met.add(
            who
                + " Ready and caught up for "
                + text(proven)
                + ", max lag "
                + maxLag
                + ", "
                + deadLetters
                + " dead letter(s)");
      }
      missing.addAll(own);
    }
    return new GateResult(
        missing,
        met,
        onlyTime && !missing.isEmpty() ? Optional.ofNullable(waitEnds) : Optional.empty());
  }

  /** Why the upstream pipeline cannot prove anything about {@code revision} yet, if so. */
  private static Optional<String> blocked(Upstream up, String who, String revision) {
    if (!up.visible()) {
      return Optional.of(
          up.namespace()
              + " is not watched by the operator: add it to operator.watchNamespaces"
              + " (KUBECDC_WATCH_NAMESPACES)");
    }
    if (up.status().isEmpty()) {
      return Optional.of("no CdcPipeline " + who + ": apply revision " + revision + " there first");
    }
    AppliedRevision a = up.status().get().getApplied();
    if (!RevisionRecord.records(a, revision)) {
      return Optional.of(
          who
              + " runs "
              + (a == null ? "no revision yet" : "revision " + a.getRevision())
              + ", not "
              + revision);
    }
    if (a.getReadySince() == null) {
      return Optional.of(who + " runs " + revision + " but is not Ready");
    }
    if (a.getCaughtUpAt() == null) {
      Long lag = up.status().get().getLag();
      return Optional.of(
          who
              + " Ready since "
              + a.getReadySince()
              + " but not caught up yet (lag "
              + (lag == null ? "unknown" : lag)
              + ": the sink-worker has not yet committed every event that was in the topics at"
              + " readySince)");
    }
    return Optional.empty();
  }

  private static long deadLettersSinceReady(CdcPipelineStatus status) {
    Long now = status.getDeadLetters();
    Long then = status.getApplied().getDeadLettersAtReady();
    return now == null || then == null ? 0 : Math.max(0, now - then);
  }

  /** A duration as people read it: 1h5m, 12m, 40s. */
  static String text(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s >= 3600) {
      return (s / 3600) + "h" + (s % 3600 / 60 > 0 ? (s % 3600 / 60) + "m" : "");
    }
    if (s >= 60) {
      return (s / 60) + "m" + (s % 60 > 0 ? (s % 60) + "s" : "");
    }
    return s + "s";
  }
}
