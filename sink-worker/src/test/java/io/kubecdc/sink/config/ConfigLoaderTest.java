package io.kubecdc.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubecdc.contract.EventSizeLimit;
import io.kubecdc.sink.table.ColumnSpec;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(ConfigLoaderTest.class.getResource("/config/" + name).toURI());
  }

  static ConfigException problems(String name) throws URISyntaxException {
    return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(fixture(name)));
  }

  @Test
  void shouldReadEveryField() throws Exception {
    SinkConfig c = ConfigLoader.load(fixture("valid.yaml"));
    assertThat(c.kafka().groupId()).isEqualTo("kubecdc.dev.orders.v1");
    assertThat(c.kafka().clientProperties()).containsEntry("security.protocol", "SASL_SSL");
    assertThat(c.clickhouse().passwordFile()).isEqualTo("/etc/kubecdc/clickhouse/password");
    assertThat(c.tables().get(0).initialLayout().columns())
        .containsExactly(
            new ColumnSpec("id", "Int64"), new ColumnSpec("amount", "Nullable(Decimal(12, 2))"));
    assertThat(c.batch()).isEqualTo(new BatchConfig(5000, 1048576L, 500L));
    assertThat(c.deadLetterLimit()).isEqualTo(new DeadLetterLimit(10, 30));
    assertThat(c.truncate()).isEqualTo(TruncatePolicy.IGNORE);
    assertThat(c.http().port()).isZero();
    assertThat(c.kafka().timeoutMs()).isEqualTo(5000);
    assertThat(c.clickhouse().connectTimeoutMs()).isEqualTo(3000);
    assertThat(c.clickhouse().requestTimeoutMs()).isEqualTo(60_000);
    assertThat(c.health()).isEqualTo(new HealthConfig(500L, 1500L));
    assertThat(c.tableForTopic("dev.public.orders").table()).isEqualTo("orders");
  }

  @Test
  void shouldApplyDefaultsForOptionalSections() throws Exception {
    SinkConfig c = ConfigLoader.load(fixture("minimal.yaml"));
    assertThat(c.batch().maxRows()).isEqualTo(100_000);
    assertThat(c.batch().maxBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(c.batch().maxDelayMs()).isEqualTo(200);
    assertThat(c.deadLetterLimit()).isEqualTo(new DeadLetterLimit(100, 60));
    assertThat(c.truncate()).isEqualTo(TruncatePolicy.DELETE);
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.clickhouse().user()).isEqualTo("default");
    assertThat(c.kafka().clientProperties()).isEmpty();
    assertThat(c.kafka().timeoutMs()).isEqualTo(10_000);
    assertThat(c.clickhouse().connectTimeoutMs()).isEqualTo(5_000);
    assertThat(c.clickhouse().requestTimeoutMs()).isEqualTo(120_000);
    assertThat(c.health().probeIntervalMs()).isEqualTo(1_000);
    assertThat(c.health().probeTimeoutMs()).isEqualTo(3_000);
  }

  @Test
  void shouldNameTheFieldPathOfEveryProblem() throws Exception {
    assertThat(problems("empty-keys.yaml").problems())
        .containsExactlyInAnyOrder(
            "tables[1].table: must not be empty",
            "tables[1].keyColumns: must not be empty",
            "batch.maxRows: must be greater than 0",
            "deadLetterLimit.maxPerTable: must be 0 or more",
            "deadLetterLimit.windowSeconds: must be greater than 0",
            "health.probeTimeoutMs: must be greater than 0");
  }

  @Test
  void shouldRejectUnknownPropertiesNamingTheKey() throws Exception {
    assertThat(problems("unknown-key.yaml").problems())
        .containsExactly("tables[0].colums: unknown property");
  }

  @Test
  void shouldRejectSecretsInTheYamlAndKeysThatAreNotColumns() throws Exception {
    assertThat(problems("secret-in-yaml.yaml").problems())
        .containsExactlyInAnyOrder(
            "kafka.clientProperties.sasl.jaas.config: is set by the worker or is a secret",
            "tables[0].keyColumns[0]: nope is not one of the columns");
  }

  @Test
  void shouldTakeThePipelinesPlaceholderAndSizeLimitOrDebeziumsDefaults() throws Exception {
    SinkConfig minimal = ConfigLoader.load(fixture("minimal.yaml"));
    assertThat(minimal.toastPlaceholder()).isEqualTo("__debezium_unavailable_value");
    assertThat(minimal.kafka().sizeLimit()).isEqualTo(EventSizeLimit.DEFAULT);
    String yaml =
        Files.readString(fixture("minimal.yaml"))
            + "toastPlaceholder: \"__kubecdc_unchanged_0123456789abcdef\"\n";
    SinkConfig c =
        ConfigLoader.parse(yaml.replace("kafka:\n", "kafka:\n  maxEventBytes: 8388608\n"));
    assertThat(c.toastPlaceholder()).isEqualTo("__kubecdc_unchanged_0123456789abcdef");
    assertThat(c.kafka().sizeLimit().maxEventBytes()).isEqualTo(8 << 20);
  }

  @Test
  void shouldRejectAPlaceholderOrSizeSettingsThatCannotAgreeWithTheConnector() throws Exception {
    String yaml =
        Files.readString(fixture("minimal.yaml"))
                .replace(
                    "kafka:\n",
                    "kafka:\n  maxEventBytes: 1000\n  clientProperties: {fetch.max.bytes: 5}\n")
            + "toastPlaceholder: \"hex:00ff00ff00ff00ff00\"\n";
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml));
    assertThat(e.problems())
        .containsExactlyInAnyOrder(
            "kafka.maxEventBytes: must be between 1048576 and 536870912, got 1000",
            "kafka.clientProperties.fetch.max.bytes: is derived from kafka.maxEventBytes",
            "toastPlaceholder: must not start with hex: (Debezium would decode it as bytes)");
  }

  @Test
  void shouldRefuseOutOfRangeChoicesThatDoNotFitTheColumnType() throws Exception {
    assertThat(problems("out-of-range.yaml").problems())
        .containsExactly(
            "tables[0].columns[0].outOfRange: nullify needs a Nullable type and a column outside"
                + " the key",
            "tables[0].columns[2].outOfRange: nullify needs a Nullable type and a column outside"
                + " the key",
            "tables[0].columns[3].outOfRange: string needs type String, not Nullable(Date32)",
            "tables[0].columns[4].outOfRange: clamp needs a Date32 or DateTime64 type",
            "tables[0].columns[5].outOfRange: must be one of clamp, nullify, string (was"
                + " sometimes)");
  }

  @Test
  void shouldRejectAnUnknownTruncatePolicy() {
    String yaml = "truncate: drop\n";
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml));
    assertThat(e.problems()).containsExactly("truncate: must be one of delete, ignore");
  }

  @Test
  void shouldRejectWrongTypesAndMissingSections() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.parse("batch:\n  maxRows: many\n"));
    assertThat(e.problems().get(0)).startsWith("batch.maxRows: ");
    ConfigException missing =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.parse("deadLetterTopic: x\n"));
    assertThat(missing.problems())
        .contains("kafka: is required", "clickhouse: is required", "tables: must not be empty");
  }

  @Test
  void shouldReadSecretsFromFileThenEnvAndNeverPrintThem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("password");
    Files.writeString(file, "s3cret\n");
    SinkConfig c = ConfigLoader.load(fixture("minimal.yaml"));
    WorkerEnvironment fromEnv =
        WorkerEnvironment.load(
            c, Map.of("CLICKHOUSE_PASSWORD", "envpw", "KAFKA_SASL_JAAS_CONFIG", "jaas"));
    assertThat(fromEnv.clickhousePassword()).isEqualTo("envpw");
    assertThat(fromEnv.kafkaSaslJaasConfig()).contains("jaas");
    assertThat(fromEnv.toString()).doesNotContain("envpw", "jaas;").contains("***");

    SinkConfig withFile =
        new SinkConfig(
            c.kafka(),
            new ClickHouseConfig(c.clickhouse().url(), "default", file.toString()),
            c.tables(),
            c.batch(),
            c.deadLetterTopic(),
            c.deadLetterLimit(),
            c.truncate(),
            c.http(),
            c.toastPlaceholder(),
            c.health());
    assertThat(
            WorkerEnvironment.load(withFile, Map.of("CLICKHOUSE_PASSWORD", "envpw"))
                .clickhousePassword())
        .isEqualTo("s3cret");
    assertThat(WorkerEnvironment.load(c, Map.of()).clickhousePassword()).isEmpty();
  }
}
