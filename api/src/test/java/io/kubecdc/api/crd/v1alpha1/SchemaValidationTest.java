package io.kubecdc.api.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubecdc.api.validation.ManifestValidator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The structural schema of the CRDs against good and bad manifests, through {@link
 * ManifestValidator} (JSON Schema draft 4, the OpenAPI v3 subset Kubernetes uses). The local API
 * server applies the same schema for real; this catches a bad pattern or bound without a server.
 */
class SchemaValidationTest {
  private final ObjectNode pipeline = Manifests.load("pipeline-full.yaml");
  private final ObjectNode environment = Manifests.load("environment.yaml");

  @Test
  void shouldAcceptTheGoodManifests() {
    assertThat(errors("CdcPipeline", pipeline)).isEmpty();
    assertThat(errors("CdcPipeline", Manifests.load("pipeline-minimal.yaml"))).isEmpty();
    assertThat(errors("CdcEnvironment", environment)).isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/spec/source | ~ | source",
        "/spec/source/tables/0/name | orders | pattern",
        "/spec/source/tables/0/name | public.orders.x | pattern",
        "/spec/source/tables | '[]' | at least 1",
        "/spec/topics/partitions | 0 | minimum",
        "/spec/deletionPolicy/topics | Keep | enum",
        "/spec/environment | Prod | pattern",
        "/spec/clickhouse/database | '\" analytics\"' | pattern",
        "/spec/sink/batch/maxDelayMs | 0 | minimum",
      })
  void shouldRejectABadPipeline(String path, String value, String keyword) {
    assertThat(errors("CdcPipeline", Manifests.with(pipeline, path, value)))
        .singleElement()
        .asString()
        .contains(keyword);
  }

  @Test
  void shouldAcceptQuotedIdentifiersAsPostgresWritesThem() {
    for (String name : List.of("\"Sales\".\"Other Items\"", "public.\"a.b\"", "\"x\"\"y\".t")) {
      ObjectNode m = Manifests.with(pipeline, "/spec/source/tables/0/name", "'" + name + "'");
      assertThat(errors("CdcPipeline", m)).as(name).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/spec/sources/shop/port | 70000 | maximum",
        "/spec/sources/shop/credentialsSecret | ~ | credentialsSecret",
        "/spec/sources/shop/sslMode | maybe | enum",
        "/spec/connect/url | connect:8083 | pattern",
        "/spec/clickhouse/credentialsSecret/name | Bad_Name | pattern",
        "/spec/kafka | ~ | kafka",
      })
  void shouldRejectABadEnvironment(String path, String value, String keyword) {
    assertThat(errors("CdcEnvironment", Manifests.with(environment, path, value)))
        .singleElement()
        .asString()
        .contains(keyword);
  }

  private static List<String> errors(String kind, JsonNode manifest) {
    return ManifestValidator.forKind(kind).validate(manifest);
  }
}
