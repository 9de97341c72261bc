package io.kubecdc.chfront.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.kubecdc.chfront.engine.EngineResult;
import io.kubecdc.chfront.protocol.CompressedBlockOutputStream;
import io.kubecdc.chfront.protocol.ServerError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Writes responses the way the ClickHouse HTTP interface does: headers, compression, errors. */
final class Reply {
  private final ServerInfo server;

  Reply(ServerInfo server) {
    this.server = server;
  }

  void success(HttpExchange ex, RequestContext ctx, String format, EngineResult result)
      throws IOException {
    Headers h = common(ex, ctx);
    h.set("X-ClickHouse-Format", format);
    h.set("Content-Type", contentType(format));
    h.set("X-ClickHouse-Summary", summary(result));
    send(ex, ctx, 200, result.data());
  }

  void error(HttpExchange ex, RequestContext ctx, ServerError error) throws IOException {
    Headers h = ctx == null ? ex.getResponseHeaders() : common(ex, ctx);
    h.set("X-ClickHouse-Exception-Code", Integer.toString(error.code()));
    h.set("Content-Type", "text/plain; charset=UTF-8");
    byte[] body = error.body(server.version()).getBytes(StandardCharsets.UTF_8);
    int status = error.httpStatus();
    boolean compress = ctx != null && status != 401 && status != 403;
    send(ex, compress ? ctx : null, status, body);
  }

  void plain(HttpExchange ex, int status, String text) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
    send(ex, null, status, text.getBytes(StandardCharsets.UTF_8));
  }

  private Headers common(HttpExchange ex, RequestContext ctx) {
    Headers h = ex.getResponseHeaders();
    h.set("X-ClickHouse-Query-Id", ctx.queryId());
    h.set("X-ClickHouse-Server-Display-Name", server.displayName());
    h.set(
        "X-ClickHouse-Timezone",
        ctx.settings().getOrDefault("session_timezone", server.timezone()));
    return h;
  }

  private void send(HttpExchange ex, RequestContext ctx, int status, byte[] body)
      throws IOException {
    byte[] payload = body;
    if (ctx != null && ctx.compressResponse()) {
      payload = encode(new ByteArrayOutputStream(body.length / 2 + 64), body, "native");
    } else if (ctx != null && ctx.httpCompression()) {
      String accepted = ex.getRequestHeaders().getFirst("Accept-Encoding");
      String encoding = pickEncoding(accepted);
      if (encoding != null) {
        payload = encode(new ByteArrayOutputStream(body.length / 2 + 64), body, encoding);
        ex.getResponseHeaders().set("Content-Encoding", encoding);
      }
    }
    ex.sendResponseHeaders(status, payload.length == 0 ? -1 : payload.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(payload);
    }
  }

  static String pickEncoding(String accepted) {
    if (accepted == null) {
      return null;
    }
    String a = accepted.toLowerCase(Locale.ROOT);
    return a.contains("gzip") ? "gzip" : a.contains("deflate") ? "deflate" : null;
  }

  private static byte[] encode(ByteArrayOutputStream sink, byte[] body, String encoding)
      throws IOException {
    OutputStream out =
        switch (encoding) {
          case "gzip" -> new GZIPOutputStream(sink);
          case "deflate" -> new DeflaterOutputStream(sink);
          default -> new CompressedBlockOutputStream(sink);
        };
    try (out) {
      out.write(body);
    }
    return sink.toByteArray();
  }

  static String summary(EngineResult r) {
    return String.format(
        Locale.ROOT,
        "{\"read_rows\":\"%d\",\"read_bytes\":\"%d\",\"written_rows\":\"%d\","
            + "\"written_bytes\":\"%d\",\"total_rows_to_read\":\"%d\",\"result_rows\":\"%d\","
            + "\"result_bytes\":\"%d\",\"elapsed_ns\":\"%d\"}",
        r.readRows(),
        r.readBytes(),
        r.writtenRows(),
        r.writtenBytes(),
        r.readRows(),
        r.resultRows(),
        r.resultBytes(),
        r.elapsedNanos());
  }

  static String contentType(String format) {
    String f = format.toLowerCase(Locale.ROOT);
    if (f.startsWith("tabseparated") || f.startsWith("tsv")) {
      return "text/tab-separated-values; charset=UTF-8";
    } else if (f.startsWith("csv")) {
      return "text/csv; charset=UTF-8; header=absent";
    } else if (f.startsWith("json")) {
      return "application/json; charset=UTF-8";
    } else if (f.startsWith("rowbinary")
        || f.equals("native")
        || f.startsWith("parquet")
        || f.startsWith("arrow")
        || f.startsWith("orc")
        || f.startsWith("avro")) {
      return "application/octet-stream";
    }
    return "text/plain; charset=UTF-8";
  }
}
