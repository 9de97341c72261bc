package io.kubecdc.operator.status;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one reconcile saw: a state for some or all parts (a part left out was not checked), whether
 * capture is paused, the pipeline is being deleted, or the connector is snapshotting.
 */
public record Observation(
    Map<Part, PartState> parts, boolean paused, boolean deleting, boolean snapshotting) {
  public Observation {
    parts = Map.copyOf(parts);
  }

  /** An observation of the given parts with nothing else going on. */
  public static Observation of(List<PartState> states) {
    Map<Part, PartState> parts = new EnumMap<>(Part.class);
    states.forEach(s -> parts.put(s.part(), s));
    return new Observation(parts, false, false, false);
  }

  /** The same observation with {@code state} for its part (added or replaced). */
  public Observation with(PartState state) {
    Map<Part, PartState> more = new EnumMap<>(Part.class);
    more.putAll(parts);
    more.put(state.part(), state);
    return new Observation(more, paused, deleting, snapshotting);
  }

  public Observation paused(boolean value) {
    return new Observation(parts, value, deleting, snapshotting);
  }

  public Observation deleting(boolean value) {
    return new Observation(parts, paused, value, snapshotting);
  }

  public Observation snapshotting(boolean value) {
    return new Observation(parts, paused, deleting, value);
  }
}
