package io.kubecdc.stack.process;

import io.kubecdc.stack.StackException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short helper commands (initdb, pg_ctl, tar, kafka-storage) to completion. */
public final class Commands {
  private Commands() {}

  /** The result of a finished command: exit code and its combined output. */
  public record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs the command, returning its result whatever the exit code. */
  public static Result run(List<String> command, Path workDir, Duration timeout) {
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      // read fully before waiting: a full pipe would block the child
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new StackException("timed out after " + timeout + ": " + String.join(" ", command));
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StackException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted: " + String.join(" ", command), e);
    }
  }

  /** Runs the command and fails with its output unless it exits 0. */
  public static String check(List<String> command, Path workDir, Duration timeout) {
    Result r = run(command, workDir, timeout);
    if (!r.ok()) {
      throw new StackException(
          String.join(" ", command) + " exited " + r.exitCode() + ":\n" + r.output().strip());
    }
    return r.output();
  }

  /** Prefixes {@code command} so that it runs as {@code user} when we are root. */
  public static List<String> as(String user, List<String> command) {
    if (user == null) {
      return command;
    }
    List<String> full = new ArrayList<>(List.of("runuser", "-u", user, "--"));
    full.addAll(command);
    return full;
  }

  /** The path of the Java launcher running this JVM. */
  public static String javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
