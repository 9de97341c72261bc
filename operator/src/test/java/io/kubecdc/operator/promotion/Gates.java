package io.kubecdc.operator.promotion;

import io.kubecdc.api.crd.v1alpha1.AppliedRevision;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.crd.v1alpha1.PromotionPolicy;
import io.kubecdc.api.crd.v1alpha1.PromotionRequirement;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.operator.core.Requests;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Fixtures of the promotion tests: a spec, gates, and upstream statuses at given times. */
final class Gates {
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private Gates() {}

  static CdcPipelineSpec spec() {
    return Requests.pipeline().getSpec();
  }

  /** The fixture's spec with another table list: another revision. */
  static CdcPipelineSpec changed() {
    CdcPipelineSpec s = spec();
    s.getSource().getTables().remove(1);
    return s;
  }

  static PromotionRequirement requires(String namespace, String readyFor, long maxLag, long dl) {
    PromotionRequirement r = new PromotionRequirement();
    r.setNamespace(namespace);
    r.setReadyFor(readyFor);
    r.setMaxLag(maxLag);
    r.setDeadLetters(dl);
    return r;
  }

  static PromotionPolicy policy(PromotionRequirement... requires) {
    PromotionPolicy p = new PromotionPolicy();
    p.setRequires(List.of(requires));
    return p;
  }

  /** A status that runs {@code spec}, Ready and caught up {@code minutesAgo}, lag 0 since. */
  static CdcPipelineStatus running(CdcPipelineSpec spec, long minutesAgo) {
    Instant then = NOW.minusSeconds(minutesAgo * 60);
    AppliedRevision a = RevisionRecord.next(null, spec, true, 0L, Optional.empty(), 5L, then);
    CdcPipelineStatus s = new CdcPipelineStatus();
    s.setRevision(PipelineRevision.of(spec));
    s.setApplied(a);
    s.setLag(0L);
    s.setDeadLetters(5L);
    return s;
  }
}
