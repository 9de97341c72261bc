package io.kubecdc.stack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A service process that outlives the command which started it: its own session ({@code setsid}),
 * output appended to a log, its pid in a file. A marker argument that names the stack folder lets
 * {@code down} stop only what this stack started, even if the pid was reused.
 */
public final class DetachedProcess {
  private final String name;
  private final Path pidFile;
  private final Path log;
  private final String marker;

  /** A JVM service, recognised by a system property that names the stack folder. */
  public DetachedProcess(String name, Path home, Path log) {
    this(name, home, log, "-Dkubecdc.stack.service=" + name + "@" + home);
  }

  /**
   * A native program, which accepts no extra argument: {@code marker} must be one of its own
   * arguments that names a path in this stack folder, such as {@code --data-dir=<stack>/...}.
   */
  public DetachedProcess(String name, Path home, Path log, String marker) {
    this.name = name;
    this.pidFile = home.resolve("run").resolve(name + ".pid");
    this.log = log;
    this.marker = marker;
  }

  /** The argument to put on the command line so the process can be recognised later. */
  public String marker() {
    return marker;
  }

  public Path log() {
    return log;
  }

  /** Starts {@code command} detached; the command must contain {@link #marker()}. */
  public ProcessHandle start(List<String> command, Path workDir) {
    if (!command.contains(marker)) {
      throw new IllegalArgumentException("command lacks the marker " + marker);
    }
    List<String> full = new ArrayList<>();
    full.add("setsid");
    full.addAll(command);
    try {
      Files.createDirectories(pidFile.getParent());
      Files.createDirectories(log.getParent());
      Process p =
          new ProcessBuilder(full)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      Files.writeString(pidFile, Long.toString(p.pid()));
      return p.toHandle();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** The running process this stack started, if any. */
  public Optional<ProcessHandle> running() {
    return recordedPid()
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false));
  }

  /** True when a pid was recorded but that process is gone: it crashed or was killed. */
  public boolean crashed() {
    return recordedPid().isPresent() && running().isEmpty();
  }

  /** Sends SIGTERM, waits up to {@code grace}, then kills; forgets the pid. */
  public void stop(Duration grace) {
    running()
        .ifPresent(
            h -> {
              h.destroy();
              try {
                h.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
              } catch (Exception timeoutOrInterrupt) {
                h.destroyForcibly();
                h.onExit().join();
              }
            });
    forget();
  }

  public void forget() {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<Long> recordedPid() {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
