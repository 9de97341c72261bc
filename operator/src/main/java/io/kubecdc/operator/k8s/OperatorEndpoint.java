package io.kubecdc.operator.k8s;

import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.kubecdc.sink.health.HttpReplies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's {@code /healthz}, {@code /readyz} and {@code /metrics} for the chart's probes and
 * Prometheus, on the JDK's HTTP server (JOSDK serves none itself; a web framework for three fixed
 * paths would be most of the operator's footprint). Live while JOSDK runs; ready once it started
 * and every informer is synced and healthy, with the unhealthy ones named otherwise.
 */
public final class OperatorEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OperatorEndpoint.class);
  private final HttpServer server;

  private OperatorEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Starts on {@code port} (0: any free port). {@code runtime} is empty until JOSDK started. */
  public static OperatorEndpoint start(
      int port, Supplier<RuntimeInfo> runtime, OperatorMetrics metrics) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext(
        "/healthz",
        ex -> {
          RuntimeInfo info = runtime.get();
          boolean live = info == null || info.isStarted();
          HttpReplies.text(ex, live ? 200 : 503, live ? "ok\n" : "stopped\n");
        });
    server.createContext(
        "/readyz",
        ex -> {
          RuntimeInfo info = runtime.get();
          if (info == null || !info.isStarted()) {
            HttpReplies.text(ex, 503, "starting\n");
          } else if (!info.allEventSourcesAreHealthy()) {
            HttpReplies.text(
                ex,
                503,
                "unhealthy event sources: "
                    + info.unhealthyEventSources().values().stream()
                        .flatMap(m -> m.keySet().stream())
                        .sorted()
                        .toList()
                    + "\n");
          } else {
            HttpReplies.text(ex, 200, "ready\n");
          }
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
