package io.kubecdc.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
  @TempDir Path temp;

  @Test
  void shouldShowOnlyTheLastLines() throws Exception {
    Path log = temp.resolve("kafka.log");
    Files.writeString(
        log,
        IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")));
    String tail = LogTail.of(log, 3);
    assertThat(tail).contains("last 3 lines of " + log).endsWith("line 98\nline 99\nline 100");
    assertThat(tail).doesNotContain("line 97");
  }

  @Test
  void shouldSayWhenThereIsNoLog() {
    assertThat(LogTail.of(temp.resolve("missing.log"), 5)).contains("no log at");
  }
}
