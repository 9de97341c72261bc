package io.kubecdc.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubecdc.operator.standalone.RunLoop;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dashboards without Kubernetes: a standalone run serves the operator's metrics, each worker its
 * own, and every metric the chart's Grafana dashboard and alerts query is really exported there,
 * checked against the live endpoints of a run on the real stack.
 */
@LocalStackTest
class StandaloneMetricsIT {
  private static final Pattern METRIC = Pattern.compile("kubecdc_[a-z_]+");
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path state;

  @Test
  void shouldExportEveryMetricTheDashboardAndTheAlertsQuery(StackEndpoints stack) throws Exception {
    Path repoRoot = BackgroundRun.repoRoot();
    try (BackgroundRun run = new BackgroundRun(stack, state, OptionalInt.of(0))) {
      new ShopData(stack).createSource(20, 50);
      RunLoop loop = run.start();
      String runMetrics = "http://127.0.0.1:" + loop.metricsPort().getAsInt() + "/metrics";
      String workerMetrics = workerUrl(run.printed());

      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  get(runMetrics)
                          .contains(
                              "kubecdc_pipeline_ready{namespace=\"dev\",pipeline=\"shop\"} 1.0")
                      && get(workerMetrics).contains("kubecdc_sink_rows_written_total"));
      String exported = get(runMetrics) + get(workerMetrics);
      run.stop();

      Set<String> queried = new TreeSet<>();
      String dashboard =
          Files.readString(repoRoot.resolve("helm/kubecdc/files/dashboards/kubecdc.json"));
      new ObjectMapper().readTree(dashboard); // it parses
      String alerts =
          Files.readString(repoRoot.resolve("helm/kubecdc/templates/prometheusrule.yaml"));
      Matcher m = METRIC.matcher(dashboard + alerts);
      while (m.find()) {
        queried.add(m.group().replaceAll("_(bucket|count|sum)$", ""));
      }
      assertThat(queried).hasSizeGreaterThanOrEqualTo(8);
      assertThat(queried)
          .allSatisfy(
              name ->
                  assertThat(exported)
                      .as("%s is queried by the dashboard or an alert", name)
                      .containsPattern("(?m)^# TYPE " + name + "(_total)? "));
      assertThat(exported)
          .contains("kubecdc_pipeline_table_lag_records{namespace=\"dev\",pipeline=\"shop\"")
          .contains("kubecdc_pipeline_slot_retained_wal_bytes{namespace=\"dev\",pipeline=\"shop\"");
    }
  }

  private static String workerUrl(String printed) {
    Matcher m = Pattern.compile("sink-worker metrics on (http://\\S+/metrics)").matcher(printed);
    assertThat(m.find()).as(printed).isTrue();
    return m.group(1);
  }

  private String get(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
