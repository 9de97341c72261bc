package io.kubecdc.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scripts users run (bin/, kind/) pass shellcheck: kind/up cannot run on machines without
 * Docker, so a static check is what keeps it honest between runs on a laptop.
 */
class ScriptsTest {
  @Test
  void shouldPassShellcheck() throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("shellcheck", "--shell=bash", "--severity=info"));
    for (String dir : List.of("bin", "kind")) {
      try (var files = Files.list(Chart.ROOT.resolve(dir))) {
        files
            .filter(Files::isRegularFile)
            .filter(ScriptsTest::isBashScript)
            .sorted()
            .forEach(f -> command.add(f.toString()));
      }
    }
    assertThat(command)
        .anyMatch(c -> c.endsWith("kind/up"))
        .anyMatch(c -> c.endsWith("bin/demo"))
        .anyMatch(c -> c.endsWith("bin/kube-demo"));
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("shellcheck not found: bin/setup installs it (apt shellcheck)", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  private static boolean isBashScript(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8).startsWith("#!/usr/bin/env bash");
    } catch (IOException e) {
      return false;
    }
  }
}
