package io.kubecdc.operator.metrics;

import com.sun.net.httpserver.HttpServer;
import io.kubecdc.sink.health.HttpReplies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's {@code /healthz}, {@code /readyz} and {@code /metrics} for the chart's probes and
 * Prometheus, on the JDK's HTTP server (JOSDK serves none itself; a web framework for three fixed
 * paths would be most of the operator's footprint). What live and ready mean is the driver's: for
 * the JOSDK operator, started and every informer healthy; for the standalone run, the loop runs.
 */
public final class OperatorEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OperatorEndpoint.class);
  private final HttpServer server;

  private OperatorEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Whether the driver is alive, and why it is not ready (empty: ready). */
  public interface Health {
    boolean live();

    Optional<String> notReady();
  }

  /** Starts on {@code port} (0: any free port). */
  public static OperatorEndpoint start(int port, Health health, OperatorMetrics metrics)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext(
        "/healthz",
        ex -> {
          boolean live = health.live();
          HttpReplies.text(ex, live ? 200 : 503, live ? "ok\n" : "stopped\n");
        });
    server.createContext(
        "/readyz",
        ex -> {
          Optional<String> why = health.notReady();
          HttpReplies.text(ex, why.isPresent() ? 503 : 200, why.orElse("ready") + "\n");
        });
    server.createContext(
        "/metrics",
        ex -> {
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          metrics.writeTo(body);
          ex.getResponseHeaders().set("Content-Type", metrics.contentType());
          HttpReplies.send(ex, 200, body.toByteArray());
        });
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "operator-http");
              t.setDaemon(true);
              return t;
            }));
    server.start();
    log.info("event=http_started port={}", server.getAddress().getPort());
    return new OperatorEndpoint(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
