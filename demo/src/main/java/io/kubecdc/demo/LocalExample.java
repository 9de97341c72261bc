package io.kubecdc.demo;

import io.kubecdc.stack.StackEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The example of {@code examples/local} on whatever ports the stack runs: the environment file
 * names the stack's default ports, so it is rendered with the running stack's endpoints into the
 * state folder; the pipeline file is used as it is. A default that is no longer in the file fails
 * loudly, so that the example and the demo cannot drift apart.
 */
final class LocalExample {
  private final List<String> common;

  private LocalExample(List<String> common) {
    this.common = common;
  }

  static LocalExample render(Path repoRoot, StackEndpoints ep, Path stateDir) throws IOException {
    Path example = repoRoot.resolve("examples/local");
    String text = Files.readString(example.resolve("environment.yaml"));
    Map<String, String> ports = new LinkedHashMap<>();
    ports.put("port: 15432", "port: " + ep.postgresPort());
    ports.put("\"127.0.0.1:19092\"", "\"" + ep.kafkaBootstrap() + "\"");
    ports.put("\"http://127.0.0.1:18083\"", "\"" + ep.connectUrl() + "\"");
    ports.put("\"http://127.0.0.1:18123\"", "\"" + ep.clickhouseUrl() + "\"");
    for (var e : ports.entrySet()) {
      if (!text.contains(e.getKey())) {
        throw new IllegalStateException(
            example.resolve("environment.yaml") + " no longer says " + e.getKey());
      }
      text = text.replace(e.getKey(), e.getValue());
    }
    Files.createDirectories(stateDir);
    Path env = Files.writeString(stateDir.resolve("environment.yaml"), text);
    return new LocalExample(
        List.of(
            "-f",
            env.toString(),
            "-f",
            example.resolve("pipeline.yaml").toString(),
            "--secrets",
            ep.secrets().toString(),
            "--state-dir",
            stateDir.toString()));
  }

  /** {@code <command> -f <environment> -f <pipeline> --secrets <stack's> --state-dir <dir> ...}. */
  String[] args(String command, List<String> more) {
    return Stream.of(List.of(command), common, more).flatMap(List::stream).toArray(String[]::new);
  }

  /** The same options as one line for a person to copy. */
  String options() {
    return String.join(" ", common);
  }
}
