package io.kubecdc.operator.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * One line of {@code kubecdc status}: what a user asks of a pipeline at a glance. Read from the
 * pipeline as JSON (a generic resource, a model object) rather than through the model's getters,
 * because the promotion gate, drift and checkpoint generations are status fields that other
 * versions of the operator may or may not write: a field that is absent is shown as absent, one
 * this CLI does not know is ignored, never an error.
 *
 * @param ready the Ready condition's status and reason, e.g. {@code True/Streaming}; {@code -}
 *     before the operator's first status
 * @param checkpoint the spec's checkpoint version, with the live generation when the status has a
 *     different one ({@code 2 (live 1)})
 * @param freshSeconds the stalest table's freshness when the source of the row measured it (the
 *     standalone run does; the cluster status has no such figure), else null
 * @param gate the promotion gate's verdict when the status has one, else null
 * @param drift the drift report when the status has one, else null
 */
public record PipelineRow(
    String namespace,
    String name,
    String revision,
    String ready,
    String phase,
    String tables,
    Long lag,
    Double freshSeconds,
    String checkpoint,
    String gate,
    String drift) {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  /** The row of a pipeline as any version of the operator wrote it (unknown fields are fine). */
  public static PipelineRow of(Object pipeline, Double freshSeconds) {
    JsonNode p = JSON.convertValue(pipeline, JsonNode.class);
    JsonNode status = p.path("status");
    JsonNode ready = readyCondition(status);
    String version = p.path("spec").path("checkpoint").path("version").asText("1");
    String live = liveGeneration(status);
    return new PipelineRow(
        p.path("metadata").path("namespace").asText(""),
        p.path("metadata").path("name").asText(""),
        text(status.path("revision")),
        ready.isMissingNode()
            ? null
            : ready.path("status").asText() + "/" + ready.path("reason").asText(),
        text(status.path("phase")),
        text(status.path("tablesReady")),
        status.path("lag").isNumber() ? status.path("lag").asLong() : null,
        freshSeconds,
        live == null || live.equals(version) ? version : version + " (live " + live + ")",
        summary(status.path("gate")),
        summary(status.path("drift")));
  }

  private static JsonNode readyCondition(JsonNode status) {
    for (JsonNode c : status.path("conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        return c;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** The generation that serves readers, from {@code status.generations} when it is there. */
  private static String liveGeneration(JsonNode status) {
    JsonNode generations = status.path("generations");
    for (JsonNode g : generations) {
      String state = g.path("state").asText(g.path("phase").asText(""));
      if (state.equalsIgnoreCase("live") || g.path("live").asBoolean(false)) {
        return g.path("version").asText(null);
      }
    }
    return generations.isObject() ? text(generations.path("live")) : null;
  }

  /**
   * A status object's verdict in one word with its reason ({@code Held: waiting 4m in staging}), or
   * the text of a plain value.
   */
  private static String summary(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      return node.asText();
    }
    String state = firstText(node, "state", "status", "phase", "result", "detected");
    String reason = firstText(node, "reason", "message");
    if (state == null) {
      return reason;
    }
    return reason == null ? state : state + ": " + reason;
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      if (node.path(f).isValueNode()) {
        return node.path(f).asText();
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : null;
  }
}
