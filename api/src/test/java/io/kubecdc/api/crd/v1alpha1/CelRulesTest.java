package io.kubecdc.api.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubecdc.api.validation.ManifestValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CelRulesTest {
  private final ManifestValidator pipelineRules = ManifestValidator.forKind("CdcPipeline");
  private final ManifestValidator environmentRules = ManifestValidator.forKind("CdcEnvironment");
  private final ObjectNode pipeline = Manifests.load("pipeline-full.yaml");
  private final ObjectNode environment = Manifests.load("environment.yaml");

  @Test
  void shouldAcceptTheGoodManifests() {
    assertThat(pipelineRules.validate(pipeline)).isEmpty();
    assertThat(pipelineRules.validate(Manifests.load("pipeline-minimal.yaml"))).isEmpty();
    assertThat(environmentRules.validate(environment)).isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/spec/source/tables/2/name | public.customers | each source table may be listed only once",
        "/spec/source/tables/0/target | orders_v | two tables cannot have the same ClickHouse target",
        "/spec/sink/replicas | 4 | sink.replicas must not exceed topics.partitions",
        "/spec/topics | ~ | sink.replicas must not exceed topics.partitions",
      })
  void shouldRejectABadPipelineWithAMessageThatSaysWhy(String path, String value, String message) {
    assertThat(pipelineRules.validate(Manifests.with(pipeline, path, value), null))
        .singleElement()
        .asString()
        .contains(message);
  }

  @Test
  void shouldRefuseToLowerTheCheckpointVersionButAllowRaisingIt() {
    ObjectNode lowered = Manifests.with(pipeline, "/spec/checkpoint/version", "1");
    ObjectNode raised = Manifests.with(pipeline, "/spec/checkpoint/version", "3");
    assertThat(pipelineRules.validate(lowered, pipeline))
        .singleElement()
        .asString()
        .contains("checkpoint.version can only be raised");
    assertThat(pipelineRules.validate(raised, pipeline)).isEmpty();
    assertThat(pipelineRules.validate(lowered, null)).as("on create").isEmpty();
  }

  @Test
  void shouldKeepTheSourceNameImmutable() {
    ObjectNode moved = Manifests.with(pipeline, "/spec/source/name", "billing");
    assertThat(pipelineRules.validate(moved, pipeline))
        .singleElement()
        .asString()
        .contains("source.name is immutable");
    assertThat(pipelineRules.validate(moved, null)).isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/spec/kafka/clientProperties/sasl.jaas.config | x | must not hold secrets",
        "/spec/kafka/clientProperties/ssl.key.password | x | must not hold secrets",
        "/spec/connect/secretReference | plain-password | must be a config-provider reference",
        "/spec/connect/secretReference | '${file:/x/{name}}' | must be a config-provider reference",
        "/spec/sources/Shop_DB | '{host: h, database: d, credentialsSecret: {name: s}}' | DNS labels",
      })
  void shouldRejectABadEnvironmentWithAMessageThatSaysWhy(
      String path, String value, String message) {
    assertThat(environmentRules.validate(Manifests.with(environment, path, value), null))
        .singleElement()
        .asString()
        .contains(message);
  }
}
