package io.kubecdc.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code kubecdc status} prints for pipelines as the operator writes their status. */
class StatusTableTest {
  private static final KubernetesSerialization K8S = new KubernetesSerialization();

  private static Object pipeline(String ns, String name, String statusYaml) {
    String yaml =
        """
        apiVersion: kubecdc.io/v1alpha1
        kind: CdcPipeline
        metadata: {name: %s, namespace: %s}
        spec:
          source: {name: shop, tables: [{name: public.orders}]}
          clickhouse: {database: analytics}
          checkpoint: {version: 2}
        %s
        """
            .formatted(name, ns, statusYaml);
    return K8S.unmarshal(yaml, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
  }

  private static final String STREAMING =
      """
      status:
        phase: Streaming
        revision: sha256:0123456789abcdef
        tablesReady: 1/1
        lag: 12
        freshnessSeconds: 3
        conditions:
          - {type: SourceReady, status: "True", reason: SourceChecked}
          - {type: Ready, status: "True", reason: Streaming}
      """;

  @Test
  void shouldLineUpOnePipelinePerRowSortedByNamespaceAndName() {
    List<PipelineRow> rows =
        List.of(
            PipelineRow.of(
                pipeline("staging", "orders", STREAMING.replace("freshnessSeconds: 3", ""))),
            PipelineRow.of(pipeline("dev", "orders", STREAMING)),
            PipelineRow.of(pipeline("dev", "audit", "")));

    String text = StatusTable.render(rows, StatusTable.Format.table);

    assertThat(text.lines().toList())
        .containsExactly(
            "NAMESPACE   NAME     REVISION                  READY            PHASE       TABLES   LAG"
                + "   FRESH   CHECKPOINT",
            "dev         audit    -                         -                -           -        -  "
                + "   -       2",
            "dev         orders   sha256:0123456789abcdef   True/Streaming   Streaming   1/1      12 "
                + "   3s      2",
            "staging     orders   sha256:0123456789abcdef   True/Streaming   Streaming   1/1      12 "
                + "   -       2");
  }

  /** As s3-gate and s3-gen write it: a revision held by its gate, drift, a generation building. */
  private static final String GATED =
      STREAMING
          + """
            - {type: Promoted, status: "False", reason: PromotionGated}
            - {type: SourceInSync, status: "False", reason: DriftedFromSource}
          applied:
            revision: sha256:aaaaaaaaaaaaaaaa
            readySince: "2026-12-01T10:00:00Z"
            caughtUpAt: "2026-12-01T10:00:05Z"
          generations:
            - {version: 1, state: Live}
            - {version: 2, state: Building}
        """;

  @Test
  void shouldShowAGatedRevisionDriftAndTheLiveGenerationWhenTheStatusHasThem() {
    PipelineRow prod = PipelineRow.of(pipeline("prod", "orders", GATED));
    String text =
        StatusTable.render(
            List.of(prod, PipelineRow.of(pipeline("dev", "orders", STREAMING))),
            StatusTable.Format.table);

    assertThat(text.lines().findFirst().orElseThrow())
        .containsPattern("CHECKPOINT +RUNNING +GATE +DRIFT$");
    assertThat(text.lines().skip(1).toList())
        .satisfiesExactly(
            dev -> assertThat(dev).containsPattern("1/1 +12 +3s +2 +- +- +-$"),
            gated ->
                assertThat(gated)
                    .containsPattern(
                        "2 \\(live 1\\) +sha256:aaaaaaaaaaaaaaaa +False/PromotionGated +yes$"));
    assertThat(prod.readySince()).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(prod.caughtUpAt()).isEqualTo("2026-12-01T10:00:05Z");
  }

  @Test
  void shouldWriteTheSameRowsAsJsonAndYamlWithoutUnknownFields() throws Exception {
    List<PipelineRow> rows = List.of(PipelineRow.of(pipeline("dev", "orders", STREAMING)));

    JsonNode json =
        new ObjectMapper().readTree(StatusTable.render(rows, StatusTable.Format.json)).get(0);
    JsonNode yaml =
        new YAMLMapper().readTree(StatusTable.render(rows, StatusTable.Format.yaml)).get(0);

    assertThat(json).isEqualTo(yaml);
    assertThat(json.path("namespace").asText()).isEqualTo("dev");
    assertThat(json.path("ready").asText()).isEqualTo("True/Streaming");
    assertThat(json.path("lag").asLong()).isEqualTo(12);
    assertThat(json.path("freshnessSeconds").asLong()).isEqualTo(3);
    assertThat(json.path("checkpoint").asText()).isEqualTo("2");
    assertThat(json.has("gate")).isFalse();
  }
}
