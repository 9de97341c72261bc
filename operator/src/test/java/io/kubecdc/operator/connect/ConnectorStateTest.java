package io.kubecdc.operator.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorStateTest {
  @Test
  void shouldTakeTheRootCauseFromATaskTrace() {
    String trace =
        """
        org.apache.kafka.connect.errors.ConnectException: An exception occurred in the change event producer. This connector will be stopped.
        \tat io.debezium.pipeline.ErrorHandler.setProducerThrowable(ErrorHandler.java:67)
        Caused by: io.debezium.DebeziumException: Couldn't obtain encoding for database x
        \tat io.debezium.connector.postgresql.PostgresConnectorTask.start(PostgresConnectorTask.java:98)
        Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "cdc"
        \tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)
        """;
    var task = new ConnectorState.TaskState(0, "FAILED", "w:8083", trace);
    assertThat(task.reason())
        .isEqualTo(
            "org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"cdc\"");
    assertThat(new ConnectorState.TaskState(0, "FAILED", "w", "Single line").reason())
        .isEqualTo("Single line");
  }

  @Test
  void shouldBeRunningOnlyWithEveryTaskRunning() {
    var running = new ConnectorState.TaskState(0, "RUNNING", "w", null);
    var failed = new ConnectorState.TaskState(1, "FAILED", "w", "boom");
    assertThat(new ConnectorState("c", "RUNNING", null, List.of(running)).running()).isTrue();
    assertThat(new ConnectorState("c", "RUNNING", null, List.of(running, failed)).running())
        .isFalse();
    assertThat(new ConnectorState("c", "RUNNING", null, List.of()).running()).isFalse();
  }
}
