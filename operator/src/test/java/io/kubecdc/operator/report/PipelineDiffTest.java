package io.kubecdc.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import org.junit.jupiter.api.Test;

/** The documents {@code kubecdc diff} compares and the diff a user reads. */
class PipelineDiffTest {
  private static final KubernetesSerialization K8S = new KubernetesSerialization();

  private static CdcPipelineSpec spec(String yaml) {
    return K8S.unmarshal(yaml, CdcPipelineSpec.class);
  }

  private static final String TWO_TABLES =
      """
      source: {name: shop, tables: [{name: public.customers}, {name: public.orders}]}
      clickhouse: {database: analytics}
      """;

  @Test
  void shouldWriteTheSameDocumentWhateverTheKeyOrderAndTheDefaultsWritten() {
    String reordered =
        """
        clickhouse: {database: analytics}
        checkpoint: {version: 1}
        environment: default
        source: {tables: [{name: public.customers}, {name: public.orders}], name: shop}
        """;

    assertThat(PipelineDiff.document(spec(reordered)))
        .isEqualTo(PipelineDiff.document(spec(TWO_TABLES)));
    assertThat(
            PipelineDiff.unified(
                "a",
                PipelineDiff.document(spec(TWO_TABLES)),
                "b",
                PipelineDiff.document(spec(reordered))))
        .isEmpty();
  }

  @Test
  void shouldShowAChangedTableListAndRevisionAsAUnifiedDiff() {
    String threeTables =
        TWO_TABLES.replace(
            "{name: public.orders}", "{name: public.orders}, {name: public.refunds}");
    CdcPipelineSpec dev = spec(threeTables);
    CdcPipelineSpec staging = spec(TWO_TABLES);

    String diff =
        PipelineDiff.unified(
            "staging/orders",
            PipelineDiff.document(staging),
            "dev/orders",
            PipelineDiff.document(dev));

    assertThat(diff)
        .startsWith("--- staging/orders" + System.lineSeparator() + "+++ dev/orders")
        .contains("-revision: " + io.kubecdc.api.revision.PipelineRevision.of(staging))
        .contains("+revision: " + io.kubecdc.api.revision.PipelineRevision.of(dev))
        .contains("+    - name: public.refunds")
        .containsPattern("(?m)^@@ -\\d+,\\d+ \\+\\d+,\\d+ @@$");
    assertThat(diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---"))).hasSize(1);
  }
}
