package io.kubecdc.chfront.http;

import com.sun.net.httpserver.Headers;
import io.kubecdc.chfront.protocol.CompressedBlockInputStream;
import io.kubecdc.chfront.protocol.InsertStatement;
import io.kubecdc.chfront.protocol.ServerError;
import io.kubecdc.chfront.protocol.Statements;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Turns the two HTTP forms into one engine statement. The statement is either the {@code query}
 * parameter followed by the body, or the body alone. When it is {@code INSERT ... FORMAT X}
 * followed by data, the data is written to a file and the statement becomes {@code INSERT ... FROM
 * INFILE '<file>' FORMAT X}, so binary data is never inlined in the query text.
 */
final class StatementBuilder {
  private final Uploads uploads;

  StatementBuilder(Uploads uploads) {
    this.uploads = uploads;
  }

  record Built(byte[] sql, String outputFormat, String kind, Path upload) {}

  static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ServerError error;

    BadRequest(ServerError error) {
      super(error.message());
      this.error = error;
    }

    ServerError error() {
      return error;
    }
  }

  Built build(RequestContext ctx, Headers headers, InputStream rawBody)
      throws IOException, BadRequest {
    if (ctx.sessionId() != null) {
      throw new BadRequest(
          new ServerError(
              ServerError.NOT_IMPLEMENTED,
              "Sessions are not supported by the local ClickHouse front (session_id="
                  + ctx.sessionId()
                  + "): every request runs on its own; send settings with each query"
                  + " (NOT_IMPLEMENTED)"));
    }
    InputStream body = decode(ctx, headers, rawBody);
    String query = ctx.query();
    if (query != null && !query.isEmpty()) {
      String text = query + "\n";
      Optional<InsertStatement> insert = Statements.dataInsert(text);
      if (insert.isPresent()) {
        byte[] inline = text.substring(insert.get().dataOffset()).getBytes(StandardCharsets.UTF_8);
        return viaFile(insert.get(), StandardCharsets.UTF_8, inline, body, ctx);
      }
      byte[] rest = body.readAllBytes();
      byte[] sql = rest.length == 0 ? query.getBytes(StandardCharsets.UTF_8) : concat(text, rest);
      return plain(sql, ctx);
    }
    byte[] all = body.readAllBytes();
    String latin = new String(all, StandardCharsets.ISO_8859_1);
    Optional<InsertStatement> insert = Statements.dataInsert(latin);
    if (insert.isPresent()) {
      int off = insert.get().dataOffset();
      InputStream data = new java.io.ByteArrayInputStream(all, off, all.length - off);
      return viaFile(insert.get(), StandardCharsets.ISO_8859_1, new byte[0], data, ctx);
    }
    return plain(all, ctx);
  }

  private Built viaFile(
      InsertStatement insert, Charset charset, byte[] inline, InputStream data, RequestContext ctx)
      throws IOException {
    Path file = uploads.newFile();
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(inline);
      data.transferTo(out);
    } catch (IOException e) {
      Uploads.deleteQuietly(file);
      throw e;
    }
    return new Built(insert.fromInfile(file, charset), ctx.defaultFormat(), "INSERT", file);
  }

  private static Built plain(byte[] sql, RequestContext ctx) throws BadRequest {
    String text = new String(sql, StandardCharsets.ISO_8859_1);
    OptionalInt second = Statements.secondStatement(text);
    if (second.isPresent()) {
      // the same answer as the real server, which runs one statement per HTTP request
      throw new BadRequest(
          new ServerError(
              ServerError.SYNTAX_ERROR,
              "Syntax error (Multi-statements are not allowed): failed at position "
                  + (second.getAsInt() + 1)
                  + " (';'): "
                  + abbreviate(text.substring(second.getAsInt()))
                  + ". (SYNTAX_ERROR)"));
    }
    String format = Statements.outputFormat(text).orElse(ctx.defaultFormat());
    return new Built(sql, format, Statements.leadingKeyword(text), null);
  }

  private static String abbreviate(String rest) {
    String oneLine = rest.replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "...";
  }

  private static byte[] concat(String text, byte[] rest) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(rest);
    return out.toByteArray();
  }

  private static InputStream decode(RequestContext ctx, Headers headers, InputStream body)
      throws IOException, BadRequest {
    String encoding = headers.getFirst("Content-Encoding");
    InputStream in = body;
    if (encoding != null && !encoding.isBlank()) {
      switch (encoding.trim().toLowerCase(Locale.ROOT)) {
        case "gzip" -> in = new GZIPInputStream(in);
        case "deflate" -> in = new InflaterInputStream(in);
        case "identity" -> {}
        default ->
            throw new BadRequest(
                new ServerError(
                    ServerError.NOT_IMPLEMENTED,
                    "Unsupported Content-Encoding: " + encoding + " (NOT_IMPLEMENTED)"));
      }
    }
    return ctx.decompressRequest() ? new CompressedBlockInputStream(in) : in;
  }
}
