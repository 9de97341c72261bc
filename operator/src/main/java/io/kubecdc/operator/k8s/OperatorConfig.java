package io.kubecdc.operator.k8s;

import io.kubecdc.operator.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The operator's settings, read once at start from {@code KUBECDC_*} environment variables so that
 * the Helm chart sets them in one place and nothing else in the code reads the environment. Every
 * bad value is reported at start with the variable's name, all at once, instead of surfacing as a
 * strange reconcile later.
 *
 * @param namespaces watched namespaces; empty means all
 * @param resyncPeriod how often a Ready pipeline is checked again without any event
 * @param notReadyRecheck how soon a pipeline that is not Ready is checked again
 * @param sinkImage the sink-worker image when the environment names none
 * @param deletionGracePeriod how long a deletion with leftovers keeps the finalizer
 * @param logLevel root log level
 * @param httpPort port of /healthz, /readyz and /metrics
 */
public record OperatorConfig(
    Set<String> namespaces,
    Duration resyncPeriod,
    Duration notReadyRecheck,
    String sinkImage,
    Duration deletionGracePeriod,
    String logLevel,
    int httpPort) {
  public static final String NAMESPACES = "KUBECDC_WATCH_NAMESPACES";
  public static final String RESYNC = "KUBECDC_RESYNC_PERIOD";
  public static final String NOT_READY = "KUBECDC_NOT_READY_RECHECK";
  public static final String SINK_IMAGE = "KUBECDC_SINK_IMAGE";
  public static final String GRACE = "KUBECDC_DELETION_GRACE_PERIOD";
  public static final String LOG_LEVEL = "KUBECDC_LOG_LEVEL";
  public static final String HTTP_PORT = "KUBECDC_HTTP_PORT";

  /** The worker image of this build: {@code image.prefix} and {@code image.tag} of the pom. */
  static final String DEFAULT_SINK_IMAGE = buildProperty("sink.image");

  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  public OperatorConfig {
    namespaces = Set.copyOf(namespaces);
  }

  /** The defaults, as documented in operator/README.md. */
  public static OperatorConfig defaults() {
    return load(Map.of());
  }

  /** Reads and validates {@code env} (the process environment in {@link OperatorMain}). */
  public static OperatorConfig load(Map<String, String> env) {
    List<String> errors = new ArrayList<>();
    Set<String> namespaces = namespaces(env.getOrDefault(NAMESPACES, ""), errors);
    Duration resync = duration(env, RESYNC, "60s", errors);
    Duration notReady = duration(env, NOT_READY, "10s", errors);
    Duration grace = duration(env, GRACE, "15m", errors);
    String image = env.getOrDefault(SINK_IMAGE, DEFAULT_SINK_IMAGE).trim();
    if (image.isEmpty() || image.chars().anyMatch(Character::isWhitespace)) {
      errors.add(SINK_IMAGE + " must be an image reference without spaces, got '" + image + "'");
    }
    String level = env.getOrDefault(LOG_LEVEL, "INFO").trim().toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      errors.add(LOG_LEVEL + " must be one of " + new TreeSet<>(LEVELS) + ": " + level);
    }
    int port = port(env.getOrDefault(HTTP_PORT, "8080").trim(), errors);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("invalid operator configuration: " + errors);
    }
    return new OperatorConfig(namespaces, resync, notReady, image, grace, level, port);
  }

  private static String buildProperty(String key) {
    java.util.Properties p = new java.util.Properties();
    try (var in =
        OperatorConfig.class.getResourceAsStream("/io/kubecdc/operator/build.properties")) {
      if (in == null) {
        throw new IllegalStateException("build.properties missing from the operator's jar");
      }
      p.load(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return p.getProperty(key);
  }

  /** True when the operator watches every namespace. */
  public boolean allNamespaces() {
    return namespaces.isEmpty();
  }

  private static int port(String raw, List<String> errors) {
    if (raw.matches("\\d{1,5}") && Integer.parseInt(raw) <= 65535) {
      return Integer.parseInt(raw);
    }
    errors.add(HTTP_PORT + " must be a port number (0 for any free port), got '" + raw + "'");
    return 0;
  }

  private static Set<String> namespaces(String raw, List<String> errors) {
    List<String> names =
        Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    names.stream()
        .filter(n -> !NAMESPACE.matcher(n).matches())
        .forEach(n -> errors.add(NAMESPACES + " holds '" + n + "', not a namespace name"));
    return Set.copyOf(names);
  }

  private static Duration duration(
      Map<String, String> env, String name, String fallback, List<String> errors) {
    String raw = env.getOrDefault(name, fallback).trim();
    return Durations.parse(raw)
        .orElseGet(
            () -> {
              errors.add(
                  name + " must be a positive duration such as 30s, 5m or 1h, got '" + raw + "'");
              return Duration.ZERO;
            });
  }
}
