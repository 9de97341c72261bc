package io.kubecdc.sink.kafka;

import io.kubecdc.sink.health.Probe;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;

/**
 * Reads the group's committed offsets with an admin client of its own, on the probe's thread: the
 * consumer is not thread-safe and belongs to the loop, and readiness must not wait for the loop.
 * The group's coordinator answers this only once it has loaded the group, which is what the
 * worker's commits need: a broker that is back but whose coordinator is still loading is not yet
 * "back" (else the first commit after the return would turn the worker not ready a second time).
 */
public final class KafkaProbe implements Probe, AutoCloseable {
  private final Admin admin;
  private final String groupId;
  private final Duration timeout;

  public KafkaProbe(Admin admin, String groupId, Duration timeout) {
    this.admin = admin;
    this.groupId = groupId;
    this.timeout = timeout;
  }

  @Override
  public void check() throws Exception {
    int millis = (int) timeout.toMillis();
    try {
      admin
          .listConsumerGroupOffsets(
              groupId, new ListConsumerGroupOffsetsOptions().timeoutMs(millis))
          .partitionsToOffsetAndMetadata()
          .get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException(
          "no answer from the group coordinator within " + millis + " ms (" + cause + ")", e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
