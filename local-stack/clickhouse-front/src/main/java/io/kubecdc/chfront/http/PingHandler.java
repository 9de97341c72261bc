package io.kubecdc.chfront.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.kubecdc.chfront.engine.ChdbEngine;
import java.io.IOException;

/** {@code GET /ping}: {@code Ok.\n} once the engine answers, 503 otherwise. */
public final class PingHandler implements HttpHandler {
  private final ChdbEngine engine;
  private final Reply reply;

  public PingHandler(ChdbEngine engine, ServerInfo server) {
    this.engine = engine;
    this.reply = new Reply(server);
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getRequestBody().readAllBytes();
      if (engine.isAlive()) {
        reply.plain(ex, 200, "Ok.\n");
      } else {
        reply.plain(ex, 503, "Engine is not ready.\n");
      }
    }
  }
}
