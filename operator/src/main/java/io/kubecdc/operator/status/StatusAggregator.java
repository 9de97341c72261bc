package io.kubecdc.operator.status;

import io.kubecdc.api.crd.v1alpha1.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns one reconcile's observation into the phase and the conditions of the status. Pure: the
 * previous conditions and the clock are inputs, so that transition times only move when a
 * condition's status changes and an unchanged pipeline produces an identical status (which is then
 * not patched).
 *
 * <p>Rules: a part's condition is True when it is READY or DEGRADED, False when PROGRESSING or
 * FAILED, Unknown when not checked. A part after a failed one is reported Unknown ("blocked by"),
 * unless it failed for the same reason (one cause that belongs to several parts, such as a missing
 * environment, is shown on each). Ready is True only when every part is True; otherwise it takes
 * the reason and message of the first failed part, or else of the first part that is not True, in
 * data-flow order, so that {@code kubectl get} points at the cause and not at a symptom downstream
 * nor at a part that was simply not checked. Its message names that part, unless every part failed
 * for the same reason.
 */
public final class StatusAggregator {
  public static final String READY = "Ready";

  private StatusAggregator() {}

  public static StatusSummary aggregate(
      Observation obs, List<ConditionRecord> previous, long generation, Instant now) {
    Map<String, ConditionRecord> before =
        previous.stream()
            .collect(Collectors.toMap(ConditionRecord::type, Function.identity(), (a, b) -> b));
    List<PartState> states = effectiveStates(obs);
    List<ConditionRecord> conditions = new ArrayList<>();
    for (PartState s : states) {
      ConditionRecord c =
          new ConditionRecord(
              s.part().conditionType(),
              status(s.health()),
              s.reason(),
              s.message(),
              now,
              generation);
      conditions.add(c.since(before.get(c.type())));
    }
    conditions.add(ready(states, obs, now, generation).since(before.get(READY)));
    return new StatusSummary(phase(states, obs), conditions);
  }

  private static List<PartState> effectiveStates(Observation obs) {
    List<PartState> out = new ArrayList<>();
    PartState blockedBy = null;
    for (Part part : Part.values()) {
      PartState s = obs.parts().get(part);
      if (blockedBy != null && !sameFailure(s, blockedBy)) {
        s =
            new PartState(
                part, Health.UNKNOWN, "Blocked", "waiting for " + blockedBy.part().conditionType());
      } else if (s == null) {
        s = new PartState(part, Health.UNKNOWN, "NotChecked", "not checked yet");
      }
      if (s.health() == Health.FAILED && blockedBy == null) {
        blockedBy = s;
      }
      out.add(s);
    }
    return out;
  }

  private static boolean sameFailure(PartState s, PartState first) {
    return s != null && s.health() == Health.FAILED && s.reason().equals(first.reason());
  }

  private static ConditionRecord ready(
      List<PartState> states, Observation obs, Instant now, long generation) {
    var blamed =
        states.stream()
            .filter(s -> s.health() == Health.FAILED)
            .findFirst()
            .or(
                () ->
                    states.stream()
                        .filter(s -> s.health() != Health.READY && s.health() != Health.DEGRADED)
                        .findFirst());
    if (blamed.isPresent()) {
      PartState s = blamed.get();
      String status =
          s.health() == Health.UNKNOWN ? ConditionRecord.UNKNOWN : ConditionRecord.FALSE;
      boolean everyPart = states.stream().allMatch(p -> sameFailure(p, s));
      String message = everyPart ? s.message() : s.part().conditionType() + ": " + s.message();
      return new ConditionRecord(READY, status, s.reason(), message, now, generation);
    }
    List<String> attention =
        states.stream()
            .filter(s -> s.health() == Health.DEGRADED)
            .map(s -> s.part().conditionType() + ": " + s.message())
            .toList();
    String reason = obs.paused() ? "Paused" : attention.isEmpty() ? "Streaming" : "Degraded";
    String message =
        attention.isEmpty()
            ? (obs.paused() ? "capture is paused (spec.paused)" : "every part is ready")
            : String.join("; ", attention);
    if (obs.notice() != null) {
      message = message + "; " + obs.notice();
    }
    return new ConditionRecord(READY, ConditionRecord.TRUE, reason, message, now, generation);
  }

  private static Phase phase(List<PartState> states, Observation obs) {
    if (obs.deleting()) {
      return Phase.Deleting;
    }
    if (states.stream().anyMatch(s -> s.health() == Health.FAILED)) {
      return Phase.Failed;
    }
    if (obs.paused()) {
      return Phase.Paused;
    }
    if (obs.snapshotting()) {
      return Phase.Snapshotting;
    }
    if (states.stream()
        .anyMatch(s -> s.health() == Health.PROGRESSING || s.health() == Health.UNKNOWN)) {
      return Phase.Pending;
    }
    if (states.stream().anyMatch(s -> s.health() == Health.DEGRADED)) {
      return Phase.Degraded;
    }
    return Phase.Streaming;
  }

  private static String status(Health h) {
    return switch (h) {
      case READY, DEGRADED -> ConditionRecord.TRUE;
      case PROGRESSING, FAILED -> ConditionRecord.FALSE;
      case UNKNOWN -> ConditionRecord.UNKNOWN;
    };
  }
}
