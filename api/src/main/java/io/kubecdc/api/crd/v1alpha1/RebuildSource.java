package io.kubecdc.api.crd.v1alpha1;

/** Where a generation's rows come from. */
public enum RebuildSource {
  /** Its consumer group reads every topic from the start: the topics hold every row. */
  Topics,
  /**
   * The topics do not hold every row: an incremental snapshot of the source tables refills them.
   */
  Snapshot
}
