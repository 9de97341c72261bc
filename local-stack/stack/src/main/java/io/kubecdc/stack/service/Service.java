package io.kubecdc.stack.service;

import java.nio.file.Path;
import java.util.List;

/** One service of the local stack: started, checked and stopped by the stack. */
public interface Service {
  /**
   * Short name used on the command line and in file names: postgres, kafka, connect, clickhouse.
   */
  String name();

  /** Services that must run before this one. */
  default List<String> dependsOn() {
    return List.of();
  }

  /**
   * Whether {@code up} without service names starts it. False for services only some tests need
   * (kube), so that the others do not pay for them.
   */
  default boolean startedByDefault() {
    return true;
  }

  /** The service's state as observed now. */
  State state();

  /** Starts the service and returns only once it answers requests; fails with its log tail. */
  void start();

  /** Stops the service if this stack started it. */
  void stop();

  /** Where the service listens, for people. */
  String endpoint();

  Path log();

  /** What {@code status} reports. */
  enum State {
    RUNNING,
    STOPPED,
    CRASHED
  }
}
