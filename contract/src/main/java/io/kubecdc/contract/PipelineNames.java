package io.kubecdc.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Every name derived from a pipeline's identity ({@code namespace}/{@code pipeline}), in one place,
 * so that the operator, the standalone runner, the sink-worker's config and the cleanup all find
 * the same objects. Names are derived, never free-form.
 *
 * <p>Kubernetes names are DNS subdomains (up to 253 characters, {@code [a-z0-9.-]}); PostgreSQL
 * slot names allow only {@code [a-z0-9_]} and 63 characters, and a publication is an identifier of
 * at most 63 bytes. Where a name must be shortened it keeps a readable head and ends with a hash of
 * the full identity, so that it is stable across reconciles and distinct for distinct pipelines.
 */
public record PipelineNames(String namespace, String pipeline) {
  static final int PG_NAME_MAX = 63;
  static final int DNS_LABEL_MAX = 63;
  private static final int HASH_CHARS = 8;

  public PipelineNames {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(pipeline, "pipeline");
    if (namespace.isBlank() || pipeline.isBlank()) {
      throw new IllegalArgumentException("namespace and pipeline must not be blank");
    }
  }

  /** Kafka Connect connector: {@code <namespace>.<pipeline>}. */
  public String connector() {
    return namespace + "." + pipeline;
  }

  /** Debezium {@code topic.prefix}; topics are {@code <prefix>.<schema>.<table>}. */
  public String topicPrefix() {
    return connector();
  }

  /** Replication slot: {@code kubecdc_<namespace>_<pipeline>}, {@code [a-z0-9_]}, at most 63. */
  public String slot() {
    return postgresName();
  }

  /** Publication, named like the slot so that one can be found from the other. */
  public String publication() {
    return postgresName();
  }

  /** Consumer group of the sink-worker for a checkpoint generation. */
  public String consumerGroup(int checkpointVersion) {
    if (checkpointVersion < 1) {
      throw new IllegalArgumentException("checkpoint version must be >= 1: " + checkpointVersion);
    }
    return "kubecdc." + namespace + "." + pipeline + ".v" + checkpointVersion;
  }

  /** Dead-letter topic of the pipeline's sink-worker. */
  public String deadLetterTopic() {
    return topicPrefix() + ".dlq";
  }

  /** Debezium's heartbeat topic for this connector (its default heartbeat prefix). */
  public String heartbeatTopic() {
    return "__debezium-heartbeat." + topicPrefix();
  }

  /**
   * Topic through which the operator sends Debezium signals (an incremental snapshot of a table
   * added later). Debezium's signal topic must have one partition. The {@code __kubecdc-} head
   * keeps it apart from the table topics of this and of every other pipeline.
   */
  public String signalTopic() {
    return "__kubecdc-signal." + topicPrefix();
  }

  /**
   * Topic on which Debezium reports the progress of incremental snapshots (its {@code sink}
   * notification channel); the operator reads it to tell a table that is snapshotting from one that
   * streams.
   */
  public String notificationTopic() {
    return "__kubecdc-notification." + topicPrefix();
  }

  /**
   * Consumer group of the connector's signal reader: it commits what it has read, so that a signal
   * is executed once even when the connector restarts. Own per pipeline (Debezium's default {@code
   * kafka-signal} is shared by every connector of a Connect cluster).
   */
  public String signalGroup() {
    return "__kubecdc-signal." + connector();
  }

  /**
   * Name of the sink-worker's Deployment, ConfigMap and Service in the pipeline's namespace: a DNS
   * label ({@code <pipeline>-sink}, shortened with a hash when the pipeline name is long).
   */
  public String sinkWorkload() {
    String name = pipeline.replace('.', '-') + "-sink";
    return name.length() <= DNS_LABEL_MAX ? name : shorten(name, DNS_LABEL_MAX, "-");
  }

  /**
   * The sink-worker workload of a checkpoint generation: {@link #sinkWorkload()} for version 1 (the
   * name it always had), {@code <pipeline>-sink-v<N>} after, so that the workers of the live and of
   * the generation being built run side by side.
   */
  public String sinkWorkload(int checkpointVersion) {
    if (checkpointVersion <= 1) {
      return sinkWorkload();
    }
    String name = pipeline.replace('.', '-') + "-sink-v" + checkpointVersion;
    if (name.length() <= DNS_LABEL_MAX) {
      return name;
    }
    String suffix = "-v" + checkpointVersion;
    String head =
        shorten(pipeline.replace('.', '-') + "-sink", DNS_LABEL_MAX - suffix.length(), "-");
    return head + suffix;
  }

  private String postgresName() {
    String raw = ("kubecdc_" + namespace + "_" + pipeline).toLowerCase(Locale.ROOT);
    String name = raw.replaceAll("[^a-z0-9_]", "_");
    // a replaced character could make two pipelines collide: hash whenever anything was replaced
    boolean exact = name.equals("kubecdc_" + namespace + "_" + pipeline);
    return exact && name.length() <= PG_NAME_MAX ? name : shorten(name, PG_NAME_MAX, "_");
  }

  private String shorten(String name, int max, String separator) {
    String hash = hash();
    int head = Math.min(name.length(), max - hash.length() - separator.length());
    String kept = name.substring(0, head).replaceAll("[-_.]+$", "");
    return kept + separator + hash;
  }

  private String hash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((namespace + "/" + pipeline).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
