package io.kubecdc.api.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The structural schema of the committed CRDs against good and bad manifests, with a JSON-schema
 * validator (the OpenAPI v3 subset Kubernetes uses is JSON Schema draft 4). The local API server
 * applies the same schema for real; this catches a bad pattern or bound without a server.
 */
class SchemaValidationTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

  private final ObjectNode pipeline = Manifests.load("pipeline-full.yaml");
  private final ObjectNode environment = Manifests.load("environment.yaml");

  @Test
  void shouldAcceptTheGoodManifests() {
    assertThat(errors("cdcpipelines.kubecdc.io-v1.yml", pipeline)).isEmpty();
    assertThat(errors("cdcpipelines.kubecdc.io-v1.yml", Manifests.load("pipeline-minimal.yaml")))
        .isEmpty();
    assertThat(errors("cdcenvironments.kubecdc.io-v1.yml", environment)).isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/spec/source | ~ | source",
        "/spec/source/tables/0/name | orders | pattern",
        "/spec/source/tables/0/name | public.orders.x | pattern",
        "/spec/source/tables | '[]' | minItems",
        "/spec/topics/partitions | 0 | minimum",
        "/spec/deletionPolicy/topics | Keep | enum",
        "/spec/environment | Prod | pattern",
        "/spec/clickhouse/database | '\" analytics\"' | pattern",
        "/spec/sink/batch/maxDelayMs | 0 | minimum",
      })
  void shouldRejectABadPipeline(String path, String value, String keyword) {
    assertThat(errors("cdcpipelines.kubecdc.io-v1.yml", Manifests.with(pipeline, path, value)))
        .singleElement()
        .satisfies(m -> assertThat(m.getType() + " " + m.getMessage()).contains(keyword));
  }

  @Test
  void shouldAcceptQuotedIdentifiersAsPostgresWritesThem() {
    for (String name : List.of("\"Sales\".\"Order Items\"", "public.\"a.b\"", "\"x\"\"y\".t")) {
      ObjectNode m = Manifests.with(pipeline, "/spec/source/tables/0/name", "'" + name + "'");
      assertThat(errors("cdcpipelines.kubecdc.io-v1.yml", m)).as(name).isEmpty();
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
    assertThat(
            errors("cdcenvironments.kubecdc.io-v1.yml", Manifests.with(environment, path, value)))
        .singleElement()
        .satisfies(m -> assertThat(m.getType() + " " + m.getMessage()).contains(keyword));
  }

  private static List<ValidationMessage> errors(String crd, JsonNode manifest) {
    JsonNode schema =
        CrdFiles.read(crd)
            .path("spec")
            .path("versions")
            .get(0)
            .path("schema")
            .path("openAPIV3Schema");
    JsonSchema validator = FACTORY.getSchema(schema);
    return List.copyOf(validator.validate(manifest));
  }
}
