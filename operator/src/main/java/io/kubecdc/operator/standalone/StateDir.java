package io.kubecdc.operator.standalone;

import io.kubecdc.contract.PipelineNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * What a standalone run keeps on disk, one folder per pipeline ({@code <state>/<namespace>.<name>})
 * in place of the ConfigMap and the mounted Secret of the Kubernetes driver: the rendered worker
 * config, the ClickHouse password file the config points at, and the worker's log. Every file and
 * folder is readable by its owner only, because the password is one of them.
 */
public final class StateDir {
  private final Path root;

  public StateDir(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  public Path pipeline(PipelineNames names) {
    return root.resolve(names.namespace() + "." + names.pipeline());
  }

  public Path workerConfig(PipelineNames names) {
    return pipeline(names).resolve("sink.yaml");
  }

  /** The worker config of checkpoint generation {@code version}: {@code sink-v<N>.yaml} after 1. */
  public Path workerConfig(PipelineNames names, int version) {
    return version == 1
        ? workerConfig(names)
        : pipeline(names).resolve("sink-v" + version + ".yaml");
  }

  /** The worker log of checkpoint generation {@code version}. */
  public Path workerLog(PipelineNames names, int version) {
    return version == 1
        ? workerLog(names)
        : pipeline(names).resolve("sink-worker-v" + version + ".log");
  }

  /** The checkpoint generations' history ({@link GenerationHistory}). */
  public Path generations(PipelineNames names) {
    return pipeline(names).resolve("generations.json");
  }

  public Path passwordFile(PipelineNames names) {
    return pipeline(names).resolve("clickhouse-password");
  }

  public Path workerLog(PipelineNames names) {
    return pipeline(names).resolve("sink-worker.log");
  }

  /** Writes {@code text} atomically into a file of mode 600, in a folder of mode 700. */
  public static void writePrivate(Path file, String text) {
    try {
      Path dir = file.getParent();
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      Path tmp = Files.createTempFile(dir, ".tmp", "");
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
