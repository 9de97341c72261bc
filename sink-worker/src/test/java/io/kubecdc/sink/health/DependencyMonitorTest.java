package io.kubecdc.sink.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.fakes.LogCapture;
import io.kubecdc.sink.metrics.SinkMetrics;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DependencyMonitorTest {
  final HealthState health = new HealthState();
  final SinkMetrics metrics = new SinkMetrics();
  final AtomicLong nanos = new AtomicLong();
  final AtomicInteger wakeups = new AtomicInteger();
  final DependencyMonitor clickhouse =
      new DependencyMonitor("clickhouse", health, metrics, nanos::get, wakeups::incrementAndGet);
  final LogCapture log = new LogCapture(DependencyMonitor.class);

  final Probe refused =
      () -> {
        throw new ConnectException("Connection refused");
      };
  final Probe answers = () -> {};

  @AfterEach
  void closeLog() {
    log.close();
  }

  @Test
  void shouldNotBeReadyBeforeTheFirstAnswer() {
    health.started();
    assertThat(health.notReadyReasons()).containsExactly("clickhouse not reached yet");
    clickhouse.probe(answers);
    assertThat(health.ready()).isTrue();
    assertThat(log.containing("event=")).as("reaching it the first time is no news").isEmpty();
  }

  @Test
  void shouldForgiveOneFailedProbeBeforeTheFirstAnswerButNotTwo() {
    health.started();
    clickhouse.probe(refused); // a cold client's first call
    assertThat(health.notReadyReasons()).containsExactly("clickhouse not reached yet");
    assertThat(log.containing("event=")).isEmpty();
    clickhouse.probe(refused);
    assertThat(health.notReadyReasons()).containsExactly("clickhouse unreachable");
    assertThat(log.containing("event=dependency_down")).hasSize(1);
  }

  @Test
  void shouldLogOneLineEachWayAndCountTheRest() throws Exception {
    health.started();
    clickhouse.probe(answers);
    for (int i = 0; i < 50; i++) {
      clickhouse.probe(refused);
      clickhouse.operationFailing("insert db.t rows 0..10", "ConnectException: refused");
    }
    assertThat(health.notReadyReasons()).containsExactly("clickhouse unreachable");
    nanos.addAndGet(12_300_000_000L);
    clickhouse.probe(answers);
    clickhouse.operationEnded("insert db.t rows 0..10");

    assertThat(health.ready()).isTrue();
    assertThat(log.containing("event=dependency_"))
        .containsExactly(
            "WARN event=dependency_down dependency=clickhouse"
                + " error=\"probe: Connection refused\"",
            "INFO event=dependency_back dependency=clickhouse downSeconds=12.3");
    assertThat(scrape())
        .contains("kubecdc_sink_dependency_outages_total{dependency=\"clickhouse\"} 1.0")
        .contains("kubecdc_sink_dependency_up{dependency=\"clickhouse\"} 1.0")
        .contains("kubecdc_sink_errors_total{kind=\"clickhouse_probe_failed\"} 50.0");
  }

  @Test
  void shouldStayDownWhileAnOperationRetriesAndWakeItWhenTheProbeAnswersAgain() {
    health.started();
    clickhouse.probe(answers);
    clickhouse.probe(refused);
    clickhouse.operationFailing("commit offsets", "TimeoutException");
    clickhouse.probe(answers);

    assertThat(wakeups).hasValue(1);
    assertThat(clickhouse.up()).isFalse();
    assertThat(health.ready()).isFalse();
    clickhouse.probe(answers);
    assertThat(wakeups).as("only when it comes back").hasValue(1);

    clickhouse.operationEnded("commit offsets");
    assertThat(clickhouse.up()).isTrue();
    assertThat(health.ready()).isTrue();
  }

  @Test
  void shouldGoDownAtTheFirstFailingOperationBeforeAnyProbeNoticed() {
    health.started();
    clickhouse.probe(answers);
    clickhouse.operationFailing("insert db.t rows 0..10", "code 241: memory limit");
    assertThat(health.ready()).isFalse();
    assertThat(log.containing("event=dependency_down"))
        .containsExactly(
            "WARN event=dependency_down dependency=clickhouse"
                + " error=\"insert db.t rows 0..10: code 241: memory limit\"");
  }

  @Test
  void shouldTellNothingWhenTheShutdownInterruptsAProbe() {
    health.started();
    clickhouse.probe(answers);
    clickhouse.probe(
        () -> {
          throw new InterruptedException("probes stopped");
        });
    Thread.interrupted();
    clickhouse.probe(
        () -> {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("no answer to ping within 2000 ms");
        });
    assertThat(Thread.interrupted()).isTrue();
    assertThat(clickhouse.up()).isTrue();
    assertThat(log.containing("event=dependency_down")).isEmpty();
  }

  private String scrape() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    metrics.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
