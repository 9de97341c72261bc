package io.kubecdc.sink.e2e;

import io.kubecdc.stack.LocalStack;
import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker stops for 25 s while changes flow (the real broker of the local stack: clients
 * learn its address from the broker itself, so a proxy in front of the bootstrap address would not
 * cut them off): readiness, log and data tell the truth. See {@link OutageScenario}.
 */
@LocalStackTest
class KafkaOutageIT {
  @TempDir Path dir;

  @Test
  void shouldTurnNotReadyTellTheOutageOnceAndLoseNothing(StackEndpoints stack) throws Exception {
    LocalStack local = new LocalStack(StackConfig.load(Map.of()));
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      OutageScenario.run(
          f,
          "kafka",
          stack.clickhouseUrl(),
          new OutageScenario.Outage() {
            @Override
            public void begin() {
              local.down(List.of("kafka"));
            }

            @Override
            public void end() {
              local.up(List.of("kafka"));
            }
          },
          // a restarted broker answers before its group coordinator has reloaded the group, and
          // ready means commits work again: measured 0.3-3 s on an idle machine of this kind, up
          // to ~10 s at a load average of 18 on 2 cores
          Duration.ofSeconds(20));
    } finally {
      local.up(List.of("kafka")); // whatever happened, the next test finds the broker
    }
  }
}
