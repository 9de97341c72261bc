package io.kubecdc.sink.e2e;

import io.kubecdc.sink.it.TogglingProxy;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClickHouse goes away for 25 s while changes flow (a proxy in front of the real engine refuses and
 * cuts every connection, as a restarting server would): readiness, log and data tell the truth. See
 * {@link OutageScenario}.
 */
@LocalStackTest
class ClickHouseOutageE2EIT {
  @TempDir Path dir;

  @Test
  void shouldTurnNotReadyTellTheOutageOnceAndLoseNothing(StackEndpoints stack) throws Exception {
    URI ch = URI.create(stack.clickhouseUrl());
    try (CdcFixture f = new CdcFixture(stack, dir);
        TogglingProxy proxy = new TogglingProxy(ch.getHost(), ch.getPort())) {
      OutageScenario.run(
          f,
          "clickhouse",
          "http://127.0.0.1:" + proxy.port(),
          new OutageScenario.Outage() {
            @Override
            public void begin() throws Exception {
              proxy.down();
            }

            @Override
            public void end() throws Exception {
              proxy.up();
            }
          },
          OutageScenario.WITHIN);
    }
  }
}
