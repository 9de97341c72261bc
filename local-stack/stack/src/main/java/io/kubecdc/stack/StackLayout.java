package io.kubecdc.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the build laid out what the stack starts: the Kafka class path, the Debezium plugin
 * archive, the ClickHouse front. Read from a resource the build filters; each entry can be
 * overridden by a system property of the same name prefixed with {@code kubecdc.stack.}.
 */
public record StackLayout(
    Path repoRoot, Path kafkaLib, Path debeziumArchive, Path frontClasses, Path frontLib) {

  private static final String RESOURCE = "/kubecdc-stack-build.properties";

  public static StackLayout fromBuild() {
    Properties p = new Properties();
    try (InputStream in = StackLayout.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new StackException("missing " + RESOURCE + ": build the project with ./mvnw package");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StackLayout(
        path(p, "repo.root"),
        path(p, "kafka.lib"),
        path(p, "debezium.plugin.archive"),
        path(p, "front.classes"),
        path(p, "front.lib"));
  }

  /** The chDB library that {@code bin/setup} installs from npm into {@code tools/chdb}. */
  public Path defaultChdbLibrary() {
    return repoRoot.resolve("tools/chdb/node_modules/@chdb/lib-linux-x64-gnu/libchdb.so");
  }

  /** The script that builds kube-apiserver and kube-controller-manager once per machine. */
  public Path kubeBuildScript() {
    return repoRoot.resolve("local-stack/kube/build-kube");
  }

  private static Path path(Properties p, String key) {
    String value = System.getProperty("kubecdc.stack." + key, p.getProperty(key));
    return Path.of(value).toAbsolutePath().normalize();
  }
}
