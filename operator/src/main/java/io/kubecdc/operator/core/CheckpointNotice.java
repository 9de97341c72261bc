package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.GenerationState;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import java.util.List;

/**
 * The line Ready's message gets while a generation is built beside the live one, so that {@code
 * kubectl get}/{@code describe} and the standalone output show the build without it making the
 * pipeline less ready: the live generation keeps serving.
 */
final class CheckpointNotice {
  private CheckpointNotice() {}

  /** E.g. "building generation 2 from Topics: catching up: lag 1200 ..."; null when none is. */
  static String of(List<GenerationStatus> generations) {
    return generations.stream()
        .filter(
            g ->
                g.getState() == GenerationState.Building
                    || g.getState() == GenerationState.Switching)
        .map(
            g ->
                (g.getState() == GenerationState.Building ? "building" : "switching to")
                    + " generation "
                    + g.getVersion()
                    + " from "
                    + g.getSource()
                    + ": "
                    + g.getMessage())
        .findFirst()
        .orElse(null);
  }
}
