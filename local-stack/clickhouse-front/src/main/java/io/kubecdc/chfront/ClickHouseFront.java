package io.kubecdc.chfront;

import com.sun.net.httpserver.HttpServer;
import io.kubecdc.chfront.engine.ChdbEngine;
import io.kubecdc.chfront.engine.EngineException;
import io.kubecdc.chfront.http.PingHandler;
import io.kubecdc.chfront.http.QueryHandler;
import io.kubecdc.chfront.http.ServerInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server speaking the ClickHouse HTTP interface over the ClickHouse engine embedded as a
 * library (chDB). Test and demo infrastructure only.
 */
public final class ClickHouseFront {
  /**
   * The JDK server writes headers and body separately; without TCP_NODELAY the body waits for the
   * client's delayed ACK, about 25 ms per small response on a kept-alive connection instead of 2.
   */
  static final String NODELAY = "sun.net.httpserver.nodelay";

  private ClickHouseFront() {}

  /** A running front. */
  public interface Handle extends AutoCloseable {
    int port();

    /** Stops serving and closes the engine connection; the same path can be opened again. */
    @Override
    void close();
  }

  /**
   * Boots the engine, then serves HTTP; returns once {@code /ping} answers {@code Ok.}. Turns on
   * TCP_NODELAY unless {@value #NODELAY} is set, which the JDK reads once, at its first server.
   */
  public static Handle start(FrontConfig config) throws IOException {
    Logger log = LoggerFactory.getLogger(ClickHouseFront.class);
    System.setProperty(NODELAY, System.getProperty(NODELAY, "true"));
    Files.createDirectories(config.dataPath());
    ChdbEngine engine;
    try {
      engine = ChdbEngine.open(config.library(), config.dataPath());
    } catch (EngineException e) {
      throw new IOException("cannot start the engine: " + e.getMessage(), e);
    }
    ServerInfo info = new ServerInfo(engine.version(), engine.timezone(), displayName());
    HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
    ExecutorService workers = Executors.newFixedThreadPool(16, daemonThreads());
    server.setExecutor(workers);
    server.createContext("/ping", new PingHandler(engine, info));
    server.createContext(
        "/",
        new QueryHandler(
            engine, info, config.password(), config.dataPath().resolve("front-uploads")));
    server.start();
    int port = server.getAddress().getPort();
    log.info("ClickHouse {} front serving {} on port {}", info.version(), config.dataPath(), port);
    return new Handle() {
      private boolean closed;

      @Override
      public int port() {
        return port;
      }

      @Override
      public synchronized void close() {
        if (!closed) {
          closed = true;
          server.stop(0);
          workers.shutdownNow();
          engine.close();
          log.info("front on port {} stopped", port);
        }
      }
    };
  }

  public static void main(String[] args) throws Exception {
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "chfront-log4j2.xml");
    }
    FrontConfig config;
    try {
      config = FrontConfig.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Handle handle = start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(handle::close, "chfront-shutdown"));
    System.out.println("clickhouse-front ready on http://" + config.host() + ":" + handle.port());
    System.out.flush();
    Thread.currentThread().join();
  }

  private static String displayName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "chfront-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
