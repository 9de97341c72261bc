package io.kubecdc.stack;

import io.kubecdc.stack.process.LogTail;
import io.kubecdc.stack.service.ClickHouseService;
import io.kubecdc.stack.service.ConnectService;
import io.kubecdc.stack.service.KafkaService;
import io.kubecdc.stack.service.KubeService;
import io.kubecdc.stack.service.PostgresService;
import io.kubecdc.stack.service.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack: PostgreSQL, Kafka, Kafka Connect with Debezium and ClickHouse, started in
 * dependency order. {@code up} is idempotent, {@code down} stops only what this stack folder
 * started, {@code clean} removes the folder. Commands on one folder are serialized by a file lock.
 */
public final class LocalStack {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
  private final StackConfig config;
  private final Map<String, Service> services = new LinkedHashMap<>();

  public LocalStack(StackConfig config) {
    this.config = config;
    services.put("postgres", new PostgresService(config));
    services.put("kafka", new KafkaService(config));
    services.put("connect", new ConnectService(config));
    services.put("clickhouse", new ClickHouseService(config));
    services.put("kube", new KubeService(config));
  }

  public StackConfig config() {
    return config;
  }

  public StackEndpoints endpoints() {
    return StackEndpoints.of(config);
  }

  public Collection<Service> services() {
    return services.values();
  }

  /**
   * Starts the named services (when empty: those {@linkplain Service#startedByDefault() started by
   * default}) and what they depend on; running ones stay.
   */
  public List<Service> up(Collection<String> names) {
    return locked(
        () -> {
          config.record();
          List<Service> started = new ArrayList<>();
          for (Service s : withDependencies(names)) {
            switch (s.state()) {
              case RUNNING -> LOG.debug("{} already runs", s.name());
              case CRASHED, STOPPED -> {
                if (s.state() == Service.State.CRASHED) {
                  LOG.warn(
                      "{} had stopped unexpectedly, restarting\n{}",
                      s.name(),
                      LogTail.of(s.log(), 10));
                }
                long t0 = System.nanoTime();
                s.start();
                LOG.info(
                    "{} ready on {} in {} ms",
                    s.name(),
                    s.endpoint(),
                    (System.nanoTime() - t0) / 1_000_000);
                started.add(s);
              }
            }
          }
          return started;
        });
  }

  /** Stops the named services (all when empty), dependents first. */
  public void down(Collection<String> names) {
    locked(
        () -> {
          List<Service> order =
              new ArrayList<>(names.isEmpty() ? services.values() : resolve(names));
          java.util.Collections.reverse(order);
          for (Service s : order) {
            if (s.state() != Service.State.STOPPED) {
              s.stop();
              LOG.info("{} stopped", s.name());
            }
          }
          return null;
        });
  }

  /** Stops everything and deletes the stack folder, data included. */
  public void clean() {
    down(List.of());
    Path pgRoot = config.home().resolve("postgres");
    try {
      if (Files.isSymbolicLink(pgRoot)) {
        deleteTree(Files.readSymbolicLink(pgRoot));
      }
      deleteTree(config.home());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + config.home(), e);
    }
  }

  private List<Service> withDependencies(Collection<String> names) {
    Set<Service> ordered = new LinkedHashSet<>();
    List<Service> asked =
        names.isEmpty()
            ? services.values().stream().filter(Service::startedByDefault).toList()
            : resolve(names);
    for (Service s : asked) {
      for (String dep : s.dependsOn()) {
        ordered.add(services.get(dep));
      }
      ordered.add(s);
    }
    // keep the stack's canonical order
    return services.values().stream().filter(ordered::contains).toList();
  }

  private List<Service> resolve(Collection<String> names) {
    List<Service> found = new ArrayList<>();
    for (String n : names) {
      Service s = services.get(n);
      if (s == null) {
        throw new StackException("unknown service '" + n + "': one of " + services.keySet());
      }
      found.add(s);
    }
    return found;
  }

  private <T> T locked(Supplier<T> action) {
    try {
      Files.createDirectories(config.home());
      try (FileChannel ch =
              FileChannel.open(
                  config.home().resolve(".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        return action.get();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + config.home(), e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
