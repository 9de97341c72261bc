package io.kubecdc.operator.core;

/**
 * The reconcile core: given a pipeline and its resolved environment, make PostgreSQL, Kafka, Kafka
 * Connect and ClickHouse so, and say what was found. It knows nothing of Kubernetes: the JOSDK
 * operator and the standalone runner both drive it, and it is tested against the real local stack.
 * Each call is idempotent; known failures come back as conditions, unknown ones as exceptions for
 * the driver to retry.
 */
public interface PipelineCore {
  /** Preflight, topics, ClickHouse DDL, connector, worker config; in that order. */
  CoreResult reconcile(PipelineRequest request);

  /**
   * Removes the pipeline's outside state: the connector and its offsets, the replication slot and
   * publication (always), the consumer groups, and topics and tables per {@code deletionPolicy}.
   * The driver stops the sink-worker first.
   */
  TeardownResult teardown(PipelineRequest request);
}
