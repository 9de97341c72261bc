package io.kubecdc.operator.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubecdc.api.crd.v1alpha1.KafkaConnection;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SnapshotSignalsTest {
  @Test
  void shouldAskForAnIncrementalSnapshotOfExactlyTheGivenTables() throws Exception {
    JsonNode signal =
        new ObjectMapper()
            .readTree(
                SnapshotSignals.executeSnapshot(
                    "id-1",
                    List.of(
                        new TableName("public", "orders"), new TableName("Sales", "Order Items"))));
    assertThat(signal.path("id").asText()).isEqualTo("id-1");
    assertThat(signal.path("type").asText()).isEqualTo("execute-snapshot");
    assertThat(signal.path("data").path("type").asText()).isEqualTo("incremental");
    JsonNode collections = signal.path("data").path("data-collections");
    // quoted, as Debezium's table id parser reads them back (it rejects an unquoted space)
    assertThat(collections.get(0).asText()).isEqualTo("\"public\".\"orders\"");
    assertThat(collections.get(1).asText()).isEqualTo("\"Sales\".\"Order Items\"");
    // as regexes, which Debezium tries first, they match no schema.table identifier
    assertThat(Pattern.matches(collections.get(1).asText(), "Sales.Order Items")).isFalse();
    assertThat(SnapshotSignals.tableOf(collections.get(1).asText()))
        .contains(new TableName("Sales", "Order Items"));
  }

  @Test
  void shouldRefuseToBackfillNamesDebeziumCannotReadBackFromItsOffsets() {
    assertThat(SnapshotSignals.backfillable(new TableName("public", "orders"))).isTrue();
    assertThat(SnapshotSignals.backfillable(new TableName("Sales", "OrderItems-ünï(1)"))).isTrue();
    assertThat(SnapshotSignals.backfillable(new TableName("Sales", "Order Items"))).isFalse();
    assertThat(SnapshotSignals.backfillable(new TableName("a.b", "c"))).isFalse();
    assertThat(SnapshotSignals.backfillable(new TableName("s", "tab\tname"))).isFalse();
  }

  @Test
  void shouldFallBackToTheExactRegexWhenTheQuotedNameIsNoRegex() {
    TableName odd = new TableName("shop", "t(x");
    String entry = SnapshotSignals.dataCollection(odd);
    assertThat(Pattern.matches(entry, "shop.t(x")).isTrue();
    assertThat(SnapshotSignals.tableOf(entry)).contains(odd);
  }

  @Test
  void shouldGiveTheSignalReaderTheEnvironmentsKafkaClientSettings() {
    KafkaConnection kafka = new KafkaConnection();
    kafka.setBootstrapServers("kafka.prod.svc:9093");
    kafka.getClientProperties().put("security.protocol", "SSL");
    var c = SnapshotSignals.connectorSettings(new PipelineNames("prod", "orders"), kafka);
    assertThat(c)
        .containsEntry("signal.kafka.bootstrap.servers", "kafka.prod.svc:9093")
        .containsEntry("signal.consumer.security.protocol", "SSL");
  }
}
