package io.kubecdc.operator.status;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one reconcile saw: a state for some or all parts (a part left out was not checked), whether
 * capture is paused, the pipeline is being deleted, or the connector is snapshotting, and a notice
 * for Ready's message.
 */
public record Observation(
    Map<Part, PartState> parts,
    boolean paused,
    boolean deleting,
    boolean snapshotting,
    String notice) {
  public Observation {
    parts = Map.copyOf(parts);
  }

  public Observation(
      Map<Part, PartState> parts, boolean paused, boolean deleting, boolean snapshotting) {
    this(parts, paused, deleting, snapshotting, null);
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
    return new Observation(more, paused, deleting, snapshotting, notice);
  }

  public Observation paused(boolean value) {
    return new Observation(parts, value, deleting, snapshotting, notice);
  }

  public Observation deleting(boolean value) {
    return new Observation(parts, paused, value, snapshotting, notice);
  }

  public Observation snapshotting(boolean value) {
    return new Observation(parts, paused, deleting, value, notice);
  }

  /**
   * Something in progress that does not make the pipeline less ready, appended to Ready's message
   * (a checkpoint generation being built beside the live one); null for none.
   */
  public Observation notice(String value) {
    return new Observation(parts, paused, deleting, snapshotting, value);
  }
}
