package io.kubecdc.operator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {
  @TempDir Path dir;

  static final String ENVIRONMENT =
      """
      apiVersion: kubecdc.io/v1alpha1
      kind: CdcEnvironment
      metadata: {name: default}
      spec:
        sources:
          shop: {host: 127.0.0.1, database: shop, credentialsSecret: {name: pg}}
        kafka: {bootstrapServers: "127.0.0.1:9092"}
        connect: {url: "http://127.0.0.1:8083"}
        clickhouse: {url: "http://127.0.0.1:8123", credentialsSecret: {name: ch}}
      """;
  static final String PIPELINE =
      """
      apiVersion: kubecdc.io/v1alpha1
      kind: CdcPipeline
      metadata: {name: orders}
      spec:
        source: {name: shop, tables: [{name: public.orders}]}
        clickhouse: {database: analytics}
      """;

  private Path file(String name, String... docs) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("---\n", docs));
  }

  @Test
  void shouldReadSeveralDocumentsAndDefaultTheNamespace() throws IOException {
    Manifests m = ManifestLoader.load(List.of(file("all.yaml", ENVIRONMENT, PIPELINE)));

    assertThat(m.pipelines())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getMetadata().getNamespace()).isEqualTo("default");
              assertThat(p.getSpec().getCheckpoint().getVersion()).as("model default").isEqualTo(1);
            });
    assertThat(m.environmentOf(m.pipelines().get(0))).isPresent();
    assertThat(m.environments().get(0).getSpec().getSources().get("shop").getPort())
        .isEqualTo(5432);
  }

  @Test
  void shouldRefuseAnUnknownFieldInsteadOfDroppingIt() throws IOException {
    Path f = file("p.yaml", PIPELINE.replace("clickhouse: {database", "clickhouse: {databse"));
    assertThatThrownBy(() -> ManifestLoader.load(List.of(f)))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("p.yaml (document 1)");
  }

  @Test
  void shouldRefuseATypoInANestedField() throws IOException {
    Path f =
        file(
            "p.yaml",
            PIPELINE.replace(
                "tables: [{name: public.orders}]",
                "tables: [{name: public.orders, excludeColumn: [x]}]"));
    assertThatThrownBy(() -> ManifestLoader.load(List.of(f)))
        .hasMessageContaining("unknown field spec.source.tables[0].excludeColumn");
  }

  @Test
  void shouldApplyTheSchemaAndTheCelRules() throws IOException {
    Path bad = file("p.yaml", PIPELINE.replace("public.orders", "orders"));
    assertThatThrownBy(() -> ManifestLoader.load(List.of(bad)))
        .hasMessageContaining("CdcPipeline default/orders")
        .hasMessageContaining("spec.source.tables[0].name");

    Path dup =
        file(
            "d.yaml",
            PIPELINE.replace(
                "[{name: public.orders}]", "[{name: public.orders}, {name: public.orders}]"));
    assertThatThrownBy(() -> ManifestLoader.load(List.of(dup)))
        .hasMessageContaining("each source table may be listed only once");
  }

  @Test
  void shouldSayWhatIsNotAKubeCdcResource() throws IOException {
    Path f = file("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    assertThatThrownBy(() -> ManifestLoader.load(List.of(f)))
        .hasMessageContaining("cm.yaml (document 1): not a KubeCDC resource")
        .hasMessageContaining("v1 ConfigMap");
    Path twice = file("t.yaml", PIPELINE, PIPELINE);
    assertThatThrownBy(() -> ManifestLoader.load(List.of(twice)))
        .hasMessageContaining("CdcPipeline default/orders is defined twice");
  }
}
