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
import io.kubecdc.operator.kafka.PartitionPosition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps {@code status.applied} up to date after a reconcile: which revision runs, since when it has
 * been Ready and caught up (see {@link #caughtUp}), its highest lag and the dead letters since.
 * Pure (the figures and the clock are inputs) and kept in the status, so that another namespace's
 * gate reads it and an operator restart loses nothing. A paused pipeline proves nothing: pausing
 * resets the window, as Ready going False does; a new revision starts a new record.
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
   * Whether {@code record} is of {@code revision}: its revision says so, or the spec it keeps has
   * that revision now. The second covers an operator upgrade that changes how a revision is
   * computed (as leaving defaults out did): the same spec must not start a new record, or every
   * gate downstream would wait for a proof anew.
   */
  public static boolean records(AppliedRevision record, String revision) {
    if (record == null) {
      return false;
    }
    return revision.equals(record.getRevision())
        || spec(record).map(PipelineRevision::of).filter(revision::equals).isPresent();
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
   * @param positions where the worker group stands now on each partition, empty when unknown
   * @param deadLetters dead-letter topic records now, null when unknown
   */
  public static AppliedRevision next(
      AppliedRevision previous,
      CdcPipelineSpec spec,
      boolean working,
      Long lag,
      Optional<Map<TopicPartition, PartitionPosition>> positions,
      Long deadLetters,
      Instant now) {
    String revision = PipelineRevision.of(spec);
    String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
    boolean same = records(previous, revision);
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
    Map<String, Long> target = wasReady ? previous.getReadyOffsets() : null;
    if (target == null) {
      target = positions.map(p -> byPartition(p, PartitionPosition::end)).orElse(null);
    }
    r.setReadyOffsets(target);
    if (wasReady && previous.getCaughtUpAt() != null) {
      r.setCaughtUpAt(previous.getCaughtUpAt());
      long before = previous.getMaxLag() == null ? 0 : previous.getMaxLag();
      r.setMaxLag(Math.max(before, lag == null ? 0 : lag));
    } else if (caughtUp(target, positions, lag)) {
      r.setCaughtUpAt(at);
      r.setMaxLag(lag == null ? 0 : lag);
    }
    return r;
  }

  /**
   * Caught up means: the sink-worker has committed, on every partition, at least up to the end
   * offset the partition had when the revision became Ready ({@code readyOffsets}), so every event
   * that was in the topics then is in ClickHouse; a check with lag 0 proves that too. Events
   * written since do not count against it: a pipeline written all the time has some lag at every
   * check (whatever the worker has not yet batched), and a rule of lag 0 (the earlier one) left its
   * revision unproven for ever. A threshold on lag was the other choice, but a fair one depends on
   * the write rate and the batch settings, which the operator cannot know; how far behind the
   * pipeline may fall is the gate's {@code maxLag}, counted from here. A partition missing from the
   * positions (its topic is gone) has not caught up.
   */
  static boolean caughtUp(
      Map<String, Long> target,
      Optional<Map<TopicPartition, PartitionPosition>> positions,
      Long lag) {
    if (lag != null && lag == 0) {
      return true;
    }
    if (target == null || positions.isEmpty()) {
      return false;
    }
    Map<String, Long> next = byPartition(positions.get(), PartitionPosition::next);
    return target.entrySet().stream()
        .allMatch(e -> next.getOrDefault(e.getKey(), -1L) >= e.getValue());
  }

  /** One figure per partition keyed {@code topic/partition}, sorted: the form kept in a status. */
  private static Map<String, Long> byPartition(
      Map<TopicPartition, PartitionPosition> positions, ToLongFunction<PartitionPosition> figure) {
    Map<String, Long> out = new TreeMap<>();
    positions.forEach((tp, p) -> out.put(tp.topic() + "/" + tp.partition(), figure.applyAsLong(p)));
    return out;
  }
}
