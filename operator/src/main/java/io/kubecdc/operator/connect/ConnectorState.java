package io.kubecdc.operator.connect;

import java.util.List;

/** A connector's state as {@code GET /connectors/<name>/status} reports it. */
public record ConnectorState(String name, String state, String trace, List<TaskState> tasks) {
  public ConnectorState {
    tasks = List.copyOf(tasks);
  }

  public boolean running() {
    return "RUNNING".equals(state)
        && !tasks.isEmpty()
        && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
  }

  public List<TaskState> failedTasks() {
    return tasks.stream().filter(TaskState::failed).toList();
  }

  /** One task. {@code trace} is Connect's stack trace of a failed task, else null. */
  public record TaskState(int id, String state, String workerId, String trace) {
    public boolean failed() {
      return "FAILED".equals(state);
    }

    /**
     * The root cause of a failure in one line: the last "Caused by:" of the trace, or its first
     * line.
     */
    public String reason() {
      return ConnectorState.reason(trace);
    }
  }

  static String reason(String trace) {
    if (trace == null || trace.isBlank()) {
      return "";
    }
    String line = trace.lines().findFirst().orElse("");
    for (String l : (Iterable<String>) trace.lines()::iterator) {
      if (l.startsWith("Caused by: ")) {
        line = l.substring("Caused by: ".length());
      }
    }
    line = line.strip();
    return line.length() > 400 ? line.substring(0, 400) + "..." : line;
  }
}
