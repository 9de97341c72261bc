package io.kubecdc.operator.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.EventShape;
import io.kubecdc.contract.PipelineEvents;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.core.Requests;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {
  private final Map<String, String> config = ConnectorConfig.render(Requests.request());

  @Test
  void shouldCarrySecretsOnlyAsConfigProviderReferences() {
    assertThat(config).containsEntry("database.password", "${secrets:prod/shop-cdc:password}");
    assertThat(config).containsEntry("database.user", "${secrets:prod/shop-cdc:username}");
    assertThat(config.toString())
        .doesNotContain(Requests.SOURCE_PASSWORD)
        .doesNotContain(Requests.CLICKHOUSE_PASSWORD);
  }

  @Test
  void shouldUseTheDerivedNamesAndTheEnvironmentsConnection() {
    assertThat(config)
        .containsEntry("slot.name", "kubecdc_prod_orders")
        .containsEntry("publication.name", "kubecdc_prod_orders")
        .containsEntry("topic.prefix", "prod.orders")
        .containsEntry("database.hostname", "pg.prod.svc")
        .containsEntry("database.port", "5432")
        .containsEntry("database.dbname", "shop")
        .containsEntry("database.sslmode", "require")
        .containsEntry("plugin.name", "pgoutput");
    assertThat(config).containsAllEntriesOf(EventShape.connectorSettings());
    var events = PipelineEvents.forPipeline(new PipelineNames("prod", "orders"));
    assertThat(config).containsAllEntriesOf(events.connectorSettings());
    assertThat(config.get("unavailable.value.placeholder")).isEqualTo(events.toastPlaceholder());
  }

  @Test
  void shouldMatchExactlyTheDeclaredTablesWhateverTheirNames() {
    String[] include = config.get("table.include.list").split(",");
    assertThat(include).hasSize(3);
    assertThat(Pattern.matches(include[2], "Sales.Order Items")).isTrue();
    assertThat(Pattern.matches(include[1], "public.orders")).isTrue();
    assertThat(Pattern.matches(include[1], "publicXorders")).as("the dot is literal").isFalse();
    assertThat(Pattern.matches(include[1], "public.orders_archive")).isFalse();
  }

  @Test
  void shouldExcludeColumnsEvenWithCommasInTheirNames() {
    String[] excluded = config.get("column.exclude.list").split(",");
    assertThat(excluded).hasSize(2);
    assertThat(Pattern.matches(excluded[0], "public.customers.password_hash")).isTrue();
    assertThat(Pattern.matches(excluded[1], "public.customers.Notes, internal")).isTrue();
  }

  @Test
  void shouldSignalThroughThePipelinesKafkaTopicWithoutASourceSignalTable() {
    assertThat(config)
        .containsEntry("read.only", "true")
        .containsEntry("signal.enabled.channels", "kafka")
        .containsEntry("signal.kafka.topic", "__kubecdc-signal.prod.orders")
        .containsEntry("signal.kafka.groupId", "__kubecdc-signal.prod.orders")
        .containsEntry("signal.poll.interval.ms", "1000")
        .containsEntry("notification.enabled.channels", "sink")
        .containsEntry("notification.sink.topic.name", "__kubecdc-notification.prod.orders")
        .doesNotContainKey("signal.data.collection");
    assertThat(config.get("signal.kafka.bootstrap.servers"))
        .isEqualTo(Requests.environment().getSpec().getKafka().getBootstrapServers());
  }

  @Test
  void shouldReadTheCapturedTablesBackFromTheIncludeList() {
    assertThat(ConnectorConfig.capturedTables(config))
        .containsExactly(
            new TableName("public", "customers"),
            new TableName("public", "orders"),
            new TableName("Sales", "Order Items"));
    TableName odd = new TableName("a.b", "c,d \\x{41} 🛒");
    assertThat(ConnectorConfig.tableOf(ConnectorConfig.tableRegex(odd))).contains(odd);
    assertThat(ConnectorConfig.tableOf("public\\.orders.*")).isEmpty();
    assertThat(ConnectorConfig.tableOf("public.orders")).isEmpty();
    assertThat(ConnectorConfig.capturedTables(Map.of())).isEmpty();
  }

  @Test
  void shouldEscapeEveryNonWordCharacter() {
    assertThat(ConnectorConfig.literal("a.b c,🛒")).isEqualTo("a\\x{2e}b\\x{20}c\\x{2c}\\x{1f6d2}");
  }
}
