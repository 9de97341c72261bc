package io.kubecdc.operator.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubecdc.api.crd.v1alpha1.AppliedRevision;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.revision.PipelineRevision;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Keeps {@code status.applied} up to date after a reconcile: which revision runs, since when it has
 * been Ready and caught up, its highest lag and the dead letters since. Pure (the figures and the
 * clock are inputs) and kept in the status, so that another namespace's gate reads it and an
 * operator restart loses nothing. A paused pipeline proves nothing: pausing resets the window, as
 * Ready going False does; a new revision starts a new record.
 */
public final class RevisionRecord {
  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private RevisionRecord() {}

  /** The spec kept in {@code record}, a fresh copy; empty when there is none. */
  public static Optional<CdcPipelineSpec> spec(AppliedRevision record) {
    if (record == null || record.getSpec() == null || record.getSpec().isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.treeToValue(record.getSpec(), CdcPipelineSpec.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("status.applied.spec is not a pipeline spec", e);
    }
  }

  /**
   * The spec as a tree read back from its JSON text, as the API server returns it: numbers then
   * have the node types a parser gives (an int for 200, not the long of the Java field), so that an
   * unchanged status compares equal to the one read and is not patched again.
   */
  private static JsonNode tree(CdcPipelineSpec spec) {
    try {
      return asServerStores(JSON.readTree(JSON.writeValueAsString(spec)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a spec always serializes", e);
    }
  }

  /**
   * The API server decodes JSON numbers into Go values and writes a whole-valued float back without
   * its fraction ({@code 1.0} comes back as {@code 1}): the tree gets the node a parser gives for
   * that text, or an unchanged status would differ from the one read at every reconcile (a write
   * per resync; {@code IdleIT} on the real server).
   */
  private static JsonNode asServerStores(JsonNode node) throws JsonProcessingException {
    if (node.isFloatingPointNumber()) {
      double d = node.doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return JSON.readTree(Long.toString((long) d));
      }
      return node;
    }
    if (node.isObject()) {
      var o = (ObjectNode) node;
      for (var it = o.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        o.set(f, asServerStores(o.get(f)));
      }
    } else if (node.isArray()) {
      var a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, asServerStores(a.get(i)));
      }
    }
    return node;
  }

  /**
   * @param previous the record of the last status, or null
   * @param spec the spec the core was just called with
   * @param working Ready True and not paused
   * @param lag total lag now, null when unknown
   * @param deadLetters dead-letter topic records now, null when unknown
   */
  public static AppliedRevision next(
      AppliedRevision previous,
      CdcPipelineSpec spec,
      boolean working,
      Long lag,
      Long deadLetters,
      Instant now) {
    String revision = PipelineRevision.of(spec);
    String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
    boolean same = previous != null && revision.equals(previous.getRevision());
    AppliedRevision r = new AppliedRevision();
    r.setRevision(revision);
    r.setSpec(tree(spec));
    r.setAppliedAt(same ? previous.getAppliedAt() : at);
    r.setGate(same ? previous.getGate() : null);
    if (!working) {
      return r;
    }
    boolean wasReady = same && previous.getReadySince() != null;
    r.setReadySince(wasReady ? previous.getReadySince() : at);
    r.setDeadLettersAtReady(wasReady ? previous.getDeadLettersAtReady() : deadLetters);
    if (wasReady && previous.getCaughtUpAt() != null) {
      r.setCaughtUpAt(previous.getCaughtUpAt());
      long before = previous.getMaxLag() == null ? 0 : previous.getMaxLag();
      r.setMaxLag(Math.max(before, lag == null ? 0 : lag));
    } else if (lag != null && lag == 0) {
      r.setCaughtUpAt(at);
      r.setMaxLag(0L);
    }
    return r;
  }
}
