package io.kubecdc.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What Debezium writes instead of an unchanged TOASTed value ({@code
 * unavailable.value.placeholder}), which the sink-worker must recognise ({@code toastPlaceholder}
 * in its config). A real value equal to it is indistinguishable and taken for "unchanged", so each
 * pipeline gets its own: {@code __kubecdc_unchanged_} and 128 bits of a SHA-256 of the pipeline's
 * namespace and name. No real text, bytea (Debezium writes the placeholder's UTF-8 bytes) or array
 * holds that by accident, as it might hold Debezium's well-known default (a table that stores
 * change events does).
 *
 * <p>Derived, not random, on purpose: events already in Kafka carry the placeholder they were
 * produced with, so it must stay the same for as long as the pipeline's topics hold events,
 * including across a re-created resource or a checkpoint bump. uuid columns are never TOASTed (16
 * bytes, stored inline); uuid arrays carry a name-based UUID of the placeholder's bytes.
 */
public final class ToastPlaceholder {
  /** Debezium's own default, for connectors and worker configs written by hand. */
  public static final String DEBEZIUM_DEFAULT = "__debezium_unavailable_value";

  static final String PREFIX = "__kubecdc_unchanged_";

  private ToastPlaceholder() {}

  /** The placeholder of pipeline {@code name} in {@code namespace}. */
  public static String forPipeline(String namespace, String name) {
    if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
      throw new IllegalArgumentException("namespace and name must not be empty");
    }
    // length-prefixed, so that no other pair of names gives the same input
    byte[] digest = sha256(namespace.length() + ":" + namespace + "/" + name);
    return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
  }

  /**
   * Why {@code placeholder} cannot be used, or null when it can: Debezium reads a value that starts
   * with {@code hex:} as hex-encoded bytes, and a short one is too likely to be real data.
   */
  public static String problem(String placeholder) {
    if (placeholder == null || placeholder.isBlank()) {
      return "must not be empty";
    }
    if (placeholder.startsWith("hex:")) {
      return "must not start with hex: (Debezium would decode it as bytes)";
    }
    if (placeholder.length() < 16) {
      return "must be at least 16 characters, so that real data does not equal it";
    }
    return null;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
