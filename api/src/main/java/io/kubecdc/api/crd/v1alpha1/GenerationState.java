package io.kubecdc.api.crd.v1alpha1;

/** Where one checkpoint generation stands, shown in {@code status.generations}. */
public enum GenerationState {
  /** Its tables fill from the topics (or a snapshot) beside the live generation. */
  Building,
  /** Caught up: the live generation's workers are being stopped, then the views switch. */
  Switching,
  /** The stable views point at its tables. */
  Live,
  /**
   * Replaced: its workers and consumer group are gone; its tables are kept or dropped per policy.
   */
  Retired
}
