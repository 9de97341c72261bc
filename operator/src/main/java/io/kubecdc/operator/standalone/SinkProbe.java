package io.kubecdc.operator.standalone;

/** What the running worker says about itself on its HTTP port. */
public interface SinkProbe {
  /** {@code /readyz}: 200 ready, 503 with one reason a line; -1 when nothing answers. */
  Reply readyz();

  record Reply(int status, String body) {}
}
