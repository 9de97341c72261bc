package io.kubecdc.operator.core;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import java.io.InputStream;
import java.util.List;

/** Pipeline requests built from the YAML fixtures in src/test/resources/manifests. */
public final class Requests {
  public static final String SOURCE_PASSWORD = "s3cret-source-pw";
  public static final String CLICKHOUSE_PASSWORD = "s3cret-ch-pw";

  private Requests() {}

  public static CdcPipeline pipeline() {
    return load("pipeline.yaml", CdcPipeline.class);
  }

  public static CdcEnvironment environment() {
    return load("environment.yaml", CdcEnvironment.class);
  }

  public static PipelineRequest request(CdcPipeline p, CdcEnvironment e) {
    Secrets secrets =
        new Secrets(
            new Secrets.Credentials(
                "cdc",
                SOURCE_PASSWORD,
                "${secrets:prod/shop-cdc:username}",
                "${secrets:prod/shop-cdc:password}"),
            new Secrets.Credentials(
                "writer",
                CLICKHOUSE_PASSWORD,
                "${secrets:prod/ch-writer:username}",
                "${secrets:prod/ch-writer:password}"));
    return new PipelineRequest(
        p.getMetadata().getNamespace(),
        p.getMetadata().getName(),
        1,
        p.getSpec(),
        e.getSpec(),
        secrets,
        List.of());
  }

  public static PipelineRequest request() {
    return request(pipeline(), environment());
  }

  private static <T> T load(String name, Class<T> type) {
    try (InputStream in = Requests.class.getResourceAsStream("/manifests/" + name)) {
      return Serialization.unmarshal(in, type);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
