package io.kubecdc.api.crd.v1alpha1;

/** The one-word summary of a pipeline's state, shown by {@code kubectl get cdcpipelines}. */
public enum Phase {
  /** Created, not yet running: preflight, topics, tables or connector are being set up. */
  Pending,
  /** The connector is taking the initial (or an incremental) snapshot. */
  Snapshotting,
  /** Changes are streaming and the worker keeps up. */
  Streaming,
  /** {@code spec.paused} is true and capture is paused. */
  Paused,
  /** Running, but a part needs attention (a failed task restarting, lag, slot WAL growing). */
  Degraded,
  /** A part cannot work until the user fixes something; the Ready condition says what. */
  Failed,
  /** The finalizer is removing the connector, slot, publication and worker. */
  Deleting
}
