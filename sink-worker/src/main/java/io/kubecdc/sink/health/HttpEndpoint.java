package io.kubecdc.sink.health;

import com.sun.net.httpserver.HttpServer;
import io.kubecdc.sink.metrics.SinkMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@code /healthz}, {@code /readyz} and {@code /metrics} with the JDK HTTP server. */
public final class HttpEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);

  private final HttpServer server;

  private HttpEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Starts on {@code port} (0 = any free port) on all interfaces. */
  public static HttpEndpoint start(int port, HealthState health, SinkMetrics metrics)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext(
        "/healthz",
        ex ->
            HttpReplies.text(
                ex, health.live() ? 200 : 503, health.live() ? "ok\n" : "loop stuck\n"));
    server.createContext(
        "/readyz",
        ex -> {
          boolean ready = health.ready();
          metrics.ready(ready);
          HttpReplies.text(
              ex,
              ready ? 200 : 503,
              ready ? "ready\n" : String.join("\n", health.notReadyReasons()) + "\n");
        });
    server.createContext(
        "/metrics",
        ex -> {
          metrics.ready(health.ready());
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          metrics.writeTo(body);
          ex.getResponseHeaders().set("Content-Type", metrics.contentType());
          HttpReplies.send(ex, 200, body.toByteArray());
        });
    server.setExecutor(Executors.newFixedThreadPool(2, r -> daemon(r)));
    server.start();
    HttpEndpoint endpoint = new HttpEndpoint(server);
    log.info("event=http_started port={}", endpoint.port());
    return endpoint;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "sink-http");
    t.setDaemon(true);
    return t;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
