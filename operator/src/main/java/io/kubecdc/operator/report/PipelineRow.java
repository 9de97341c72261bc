package io.kubecdc.operator.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * One line of {@code kubecdc status}: what a user asks of a pipeline at a glance. Read from the
 * pipeline as JSON (a generic resource, a model object) rather than through the model's getters,
 * because the promotion gate ({@code Promoted} condition, {@code status.applied}), drift from the
 * GitOps source ({@code SourceInSync} condition) and checkpoint generations ({@code
 * status.generations}) are status parts that other versions of the operator may or may not write:
 * what is absent is shown as absent, what this CLI does not know is ignored, never an error.
 *
 * @param ready the Ready condition's status and reason, e.g. {@code True/Streaming}; null before
 *     the operator's first status
 * @param running the revision that runs when it is not {@code revision} (a newer one waits for its
 *     promotion gate), else null
 * @param checkpoint the spec's checkpoint version, with the live generation when the status has a
 *     different one ({@code 2 (live 1)})
 * @param freshnessSeconds {@code status.freshnessSeconds}: how many seconds ClickHouse is behind
 *     the source, stalest table (0 when caught up), as the operator and the standalone run compute
 *     it alike; null when unknown or written by an operator without it
 * @param readySince since when the running revision has been Ready, when the status says
 * @param caughtUpAt when the running revision first had no lag after that, when the status says
 * @param gate the {@code Promoted} condition as {@code status/reason}, when there is a gate
 * @param drift {@code no} or {@code yes} from the {@code SourceInSync} condition, when the manifest
 *     names its source revision
 */
public record PipelineRow(
    String namespace,
    String name,
    String revision,
    String running,
    String ready,
    String phase,
    String tables,
    Long lag,
    Long freshnessSeconds,
    String checkpoint,
    String readySince,
    String caughtUpAt,
    String gate,
    String drift) {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  /** The row of a pipeline as any version of the operator wrote it. */
  public static PipelineRow of(Object pipeline) {
    JsonNode p = JSON.convertValue(pipeline, JsonNode.class);
    JsonNode status = p.path("status");
    String revision = text(status.path("revision"));
    String applied = text(status.path("applied").path("revision"));
    String version = p.path("spec").path("checkpoint").path("version").asText("1");
    String live = liveGeneration(status);
    JsonNode inSync = condition(status, "SourceInSync");
    return new PipelineRow(
        p.path("metadata").path("namespace").asText(""),
        p.path("metadata").path("name").asText(""),
        revision,
        applied == null || applied.equals(revision) ? null : applied,
        statusAndReason(condition(status, "Ready")),
        text(status.path("phase")),
        text(status.path("tablesReady")),
        number(status.path("lag")),
        number(status.path("freshnessSeconds")),
        live == null || live.equals(version) ? version : version + " (live " + live + ")",
        text(status.path("applied").path("readySince")),
        text(status.path("applied").path("caughtUpAt")),
        statusAndReason(condition(status, "Promoted")),
        inSync == null ? null : "True".equals(inSync.path("status").asText()) ? "no" : "yes");
  }

  private static JsonNode condition(JsonNode status, String type) {
    for (JsonNode c : status.path("conditions")) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return null;
  }

  private static String statusAndReason(JsonNode condition) {
    return condition == null
        ? null
        : condition.path("status").asText() + "/" + condition.path("reason").asText();
  }

  /** The version of the generation that serves readers, from {@code status.generations}. */
  private static String liveGeneration(JsonNode status) {
    for (JsonNode g : status.path("generations")) {
      if ("Live".equals(g.path("state").asText())) {
        return g.path("version").asText(null);
      }
    }
    return null;
  }

  private static Long number(JsonNode node) {
    return node.isNumber() ? node.asLong() : null;
  }

  private static String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : null;
  }
}
