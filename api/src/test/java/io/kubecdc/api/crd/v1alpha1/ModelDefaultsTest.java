package io.kubecdc.api.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The standalone runner reads manifests without an API server, so nothing applies the schema's
 * defaults there: the Java model must give the same values when a field is left out.
 */
class ModelDefaultsTest {

  @Test
  void shouldGiveTheSchemaDefaultsWhenAPipelineLeavesFieldsOut() {
    ObjectNode minimal = Manifests.load("pipeline-minimal.yaml");
    CdcPipeline model = Serialization.unmarshal(minimal.toString(), CdcPipeline.class);

    JsonNode fromModel = prune(Serialization.jsonMapper().valueToTree(model.getSpec()));
    JsonNode fromSchema =
        prune(defaulted(schema("cdcpipelines.kubecdc.io-v1.yml"), minimal.get("spec")));

    assertThat(fromModel).isEqualTo(fromSchema);
    assertThat(model.getSpec().getCheckpoint().getVersion()).isEqualTo(1);
    assertThat(model.getSpec().getTopics().getCleanupPolicy())
        .isEqualTo(TopicSettings.CleanupPolicy.COMPACT);
    assertThat(model.getSpec().getDeletionPolicy().getTables())
        .isEqualTo(DeletionPolicy.Action.RETAIN);
  }

  @Test
  void shouldGiveTheSchemaDefaultsWhenAnEnvironmentLeavesFieldsOut() {
    ObjectNode env = Manifests.load("environment.yaml");
    ObjectNode shop = (ObjectNode) env.get("spec").get("sources").get("shop");
    shop.remove("port");
    shop.remove("sslMode");
    ((ObjectNode) env.get("spec").get("connect")).remove("secretReference");
    CdcEnvironment model = Serialization.unmarshal(env.toString(), CdcEnvironment.class);

    JsonNode fromModel = prune(Serialization.jsonMapper().valueToTree(model.getSpec()));
    JsonNode fromSchema =
        prune(defaulted(schema("cdcenvironments.kubecdc.io-v1.yml"), env.get("spec")));

    assertThat(fromModel).isEqualTo(fromSchema);
    assertThat(model.getSpec().getSources().get("shop").getPort()).isEqualTo(5432);
    assertThat(model.getSpec().getConnect().getSecretReference())
        .isEqualTo("${secrets:{namespace}/{name}:{key}}");
  }

  static JsonNode schema(String crd) {
    return CrdFiles.read(crd)
        .path("spec")
        .path("versions")
        .get(0)
        .path("schema")
        .path("openAPIV3Schema")
        .path("properties")
        .path("spec");
  }

  /** Applies the schema's defaults as the API server does: absent fields, then their children. */
  static JsonNode defaulted(JsonNode schema, JsonNode value) {
    if (!value.isObject()) {
      return value;
    }
    ObjectNode out = ((ObjectNode) value).deepCopy();
    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
      if (!out.has(p.getKey()) && p.getValue().has("default")) {
        out.set(p.getKey(), p.getValue().get("default").deepCopy());
      }
      if (out.has(p.getKey())) {
        out.set(p.getKey(), defaulted(p.getValue(), out.get(p.getKey())));
      }
    }
    JsonNode values = schema.path("additionalProperties");
    if (values.isObject() && !schema.has("properties")) {
      out.properties().forEach(e -> e.setValue(defaulted(values, e.getValue())));
    }
    return out;
  }

  /** Drops nulls and empty lists and maps, which both sides may or may not write. */
  private static JsonNode prune(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = Serialization.jsonMapper().createObjectNode();
      node.properties()
          .forEach(
              e -> {
                JsonNode v = prune(e.getValue());
                if (!v.isNull() && !(v.isContainerNode() && v.isEmpty())) {
                  out.set(e.getKey(), v);
                }
              });
      return out;
    }
    if (node.isArray()) {
      var out = Serialization.jsonMapper().createArrayNode();
      node.forEach(e -> out.add(prune(e)));
      return out;
    }
    // YAML gives an IntNode where the model writes a LongNode for the same number
    return node.isIntegralNumber() ? LongNode.valueOf(node.asLong()) : node;
  }
}
