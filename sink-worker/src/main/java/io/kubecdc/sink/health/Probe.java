package io.kubecdc.sink.health;

/** One bounded check that a dependency answers; throws with the reason when it does not. */
@FunctionalInterface
public interface Probe {
  void check() throws Exception;
}
