package io.kubecdc.stack.service;

import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.process.Commands;
import io.kubecdc.stack.process.DetachedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A service that runs as its own detached JVM. Subclasses say how to prepare, run and probe it. */
abstract class JavaService implements Service {
  protected final StackConfig config;
  protected final DetachedProcess process;
  private final String name;

  JavaService(StackConfig config, String name) {
    this.config = config;
    this.name = name;
    this.process = new DetachedProcess(name, config.home(), config.logs().resolve(name + ".log"));
  }

  @Override
  public final String name() {
    return name;
  }

  /** The service's own folder in the stack folder. */
  protected Path dir() {
    return config.home().resolve(name);
  }

  /** Writes configuration and formats storage; called before every start, must be idempotent. */
  protected abstract void prepare();

  protected abstract List<String> jvmOptions();

  protected abstract String classPath();

  protected abstract List<String> mainAndArguments();

  protected abstract boolean answers();

  protected abstract Duration startTimeout();

  /** The ports the service will listen on. */
  protected abstract int[] ports();

  @Override
  public State state() {
    if (process.running().isPresent()) {
      return State.RUNNING;
    }
    return process.crashed() ? State.CRASHED : State.STOPPED;
  }

  @Override
  public void start() {
    Ports.requireFree(name(), ports());
    prepare();
    List<String> command = new ArrayList<>();
    command.add(Commands.javaLauncher());
    command.add(process.marker());
    command.addAll(jvmOptions());
    command.add("-cp");
    command.add(classPath());
    command.addAll(mainAndArguments());
    ProcessHandle handle = process.start(command, config.home());
    Readiness.await(name(), log(), startTimeout(), handle::isAlive, this::answers);
  }

  @Override
  public void stop() {
    process.stop(Duration.ofSeconds(30));
  }

  @Override
  public Path log() {
    return process.log();
  }
}
