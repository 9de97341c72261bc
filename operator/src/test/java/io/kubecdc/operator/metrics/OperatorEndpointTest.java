package io.kubecdc.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The probes and /metrics the chart's Deployment and ServiceMonitor point at. */
class OperatorEndpointTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldBeLiveButNotReadyWhileTheOperatorStartsAndServeMetrics() throws Exception {
    OperatorMetrics metrics = new OperatorMetrics();
    metrics.record("dev", "shop", new CdcPipelineStatus());
    OperatorEndpoint.Health starting =
        new OperatorEndpoint.Health() {
          @Override
          public boolean live() {
            return true;
          }

          @Override
          public Optional<String> notReady() {
            return Optional.of("starting");
          }
        };
    try (OperatorEndpoint endpoint = OperatorEndpoint.start(0, starting, metrics)) {
      HttpResponse<String> health = get(endpoint, "/healthz");
      HttpResponse<String> ready = get(endpoint, "/readyz");
      HttpResponse<String> scrape = get(endpoint, "/metrics");

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).isEqualTo("starting\n");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      assertThat(scrape.body())
          .contains("kubecdc_pipeline_ready{namespace=\"dev\",pipeline=\"shop\"} 0.0");
    }
  }

  private HttpResponse<String> get(OperatorEndpoint endpoint, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
