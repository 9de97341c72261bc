package io.kubecdc.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackCliTest {
  @TempDir Path temp;

  @Test
  void shouldPrintUsageWithoutACommand() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = StackCli.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: bin/stack", "--pg-port");
  }

  @Test
  void shouldRejectAnUnknownService() {
    assertThatThrownBy(
            () ->
                StackCli.run(
                    new String[] {"up", "mysql", "--home", temp.toString()},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        .isInstanceOf(StackException.class)
        .hasMessageContaining("unknown service 'mysql'")
        .hasMessageContaining("postgres");
  }

  @Test
  void shouldReportAStoppedStackWithExitCode3() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        StackCli.run(
            new String[] {"status", "--home", temp.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(3);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("postgres    stopped", "kafka       stopped");
  }
}
