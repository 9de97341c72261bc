package io.kubecdc.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.crd.v1alpha1.SlotStatus;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {
  private final OperatorMetrics metrics = new OperatorMetrics();

  @Test
  void shouldExportReadinessLagAndSlotWalAsTheStatusSaysThem() throws IOException {
    metrics.record("dev", "shop", status("True", 12L, 3L));

    String text = scrape();
    assertThat(text)
        .contains("kubecdc_pipeline_ready{namespace=\"dev\",pipeline=\"shop\"} 1.0")
        .contains(
            "kubecdc_pipeline_table_lag_records{namespace=\"dev\",pipeline=\"shop\",table=\"public.orders\"} 12.0")
        .contains(
            "kubecdc_pipeline_table_lag_records{namespace=\"dev\",pipeline=\"shop\",table=\"public.items\"} 3.0")
        .contains(
            "kubecdc_pipeline_slot_retained_wal_bytes{namespace=\"dev\",pipeline=\"shop\",slot=\"kubecdc_dev_shop\"} 4096.0")
        .contains(
            "kubecdc_operator_reconciles_total{namespace=\"dev\",outcome=\"ready\",pipeline=\"shop\"} 1.0");
  }

  @Test
  void shouldDropTheSeriesOfARemovedTableAndOfADeletedPipeline() throws IOException {
    metrics.record("dev", "shop", status("True", 12L, 3L));
    CdcPipelineStatus oneTable = status("False", 5L, null);
    metrics.record("dev", "shop", oneTable);

    assertThat(scrape())
        .contains("kubecdc_pipeline_ready{namespace=\"dev\",pipeline=\"shop\"} 0.0")
        .doesNotContain("table=\"public.items\"");

    metrics.forget("dev", "shop");
    assertThat(scrape()).doesNotContain("pipeline=\"shop\"");
  }

  @Test
  void shouldExportThePipelinesFreshnessAndDropItWhenItBecomesUnknown() throws IOException {
    CdcPipelineStatus s = status("True", 12L, 3L);
    s.setFreshnessSeconds(42L);
    metrics.record("dev", "shop", s);
    assertThat(scrape())
        .contains("kubecdc_pipeline_freshness_seconds{namespace=\"dev\",pipeline=\"shop\"} 42.0");

    s.setFreshnessSeconds(null);
    metrics.record("dev", "shop", s);
    assertThat(scrape())
        .as("unknown is no series, not 0")
        .doesNotContain("kubecdc_pipeline_freshness_seconds{");
  }

  private String scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    metrics.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static CdcPipelineStatus status(String ready, Long ordersLag, Long itemsLag) {
    CdcPipelineStatus s = new CdcPipelineStatus();
    Condition c = new ConditionBuilder().withType("Ready").withStatus(ready).build();
    s.setConditions(List.of(c));
    TableStatus orders = new TableStatus();
    orders.setName("public.orders");
    orders.setLag(ordersLag);
    if (itemsLag == null) {
      s.setTables(List.of(orders));
    } else {
      TableStatus items = new TableStatus();
      items.setName("public.items");
      items.setLag(itemsLag);
      s.setTables(List.of(orders, items));
    }
    SlotStatus slot = new SlotStatus();
    slot.setName("kubecdc_dev_shop");
    slot.setRetainedWalBytes(4096L);
    s.setSlot(slot);
    return s;
  }
}
