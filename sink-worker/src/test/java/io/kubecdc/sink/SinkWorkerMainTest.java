package io.kubecdc.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SinkWorkerMainTest {
  @Test
  void shouldExitTwoWithTheFieldPathOnStderrForABadConfig() throws Exception {
    Path bad = Path.of(SinkWorkerMainTest.class.getResource("/config/empty-keys.yaml").toURI());
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(SinkWorkerMain.run(new String[] {"--config", bad.toString()})).isEqualTo(2);
      assertThat(SinkWorkerMain.run(new String[] {})).isEqualTo(2);
    } finally {
      System.setErr(saved);
    }
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("tables[1].keyColumns: must not be empty")
        .contains("usage: SinkWorkerMain --config <sink.yaml>");
  }
}
