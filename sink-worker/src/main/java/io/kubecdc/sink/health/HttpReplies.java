package io.kubecdc.sink.health;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Replies of the small JDK HTTP servers of the worker and the operator (probes, metrics). */
public final class HttpReplies {
  private HttpReplies() {}

  /** A plain-text reply, e.g. a probe's reason. */
  public static void text(HttpExchange ex, int status, String text) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(ex, status, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A reply with a body whose Content-Type the caller has set. */
  public static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
