package io.kubecdc.chfront.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.kubecdc.chfront.engine.ChdbEngine;
import io.kubecdc.chfront.engine.EngineException;
import io.kubecdc.chfront.engine.EngineQuery;
import io.kubecdc.chfront.engine.EngineResult;
import io.kubecdc.chfront.protocol.ServerError;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ClickHouse HTTP query endpoint: authenticates, turns the request into one engine statement
 * (insert bodies go through a file, see {@link StatementBuilder}) and writes the result back.
 */
public final class QueryHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(QueryHandler.class);

  private final ChdbEngine engine;
  private final Authenticator authenticator;
  private final StatementBuilder statements;
  private final Reply reply;

  public QueryHandler(ChdbEngine engine, ServerInfo server, String password, Path uploadDir) {
    this.engine = engine;
    this.authenticator = new Authenticator(password);
    this.statements = new StatementBuilder(new Uploads(uploadDir));
    this.reply = new Reply(server);
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      serve(ex);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "could not answer {} {}: {}",
          ex.getRequestMethod(),
          ex.getRequestURI().getPath(),
          e.toString());
      throw e;
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    long start = System.nanoTime();
    RequestContext ctx = null;
    StatementBuilder.Built built = null;
    int status = 200;
    try {
      ctx = RequestContext.from(ex.getRequestURI().getRawQuery(), ex.getRequestHeaders());
      if (!authenticator.accepts(ctx.user(), ctx.password())) {
        status = 401;
        ex.getRequestBody().readAllBytes();
        reply.error(ex, ctx, authenticationFailed(ctx.user()));
        return;
      }
      boolean emptyGet = "GET".equals(ex.getRequestMethod()) && ctx.query() == null;
      if (emptyGet) {
        reply.plain(ex, 200, "Ok.\n");
        return;
      }
      built = statements.build(ctx, ex.getRequestHeaders(), ex.getRequestBody());
      EngineResult result =
          engine.execute(
              new EngineQuery(
                  built.sql(),
                  ctx.database(),
                  ctx.settings(),
                  ctx.parameters(),
                  ctx.defaultFormat()));
      reply.success(ex, ctx, built.outputFormat(), result);
    } catch (EngineException e) {
      status = e.error().httpStatus();
      reply.error(ex, ctx, e.error());
    } catch (StatementBuilder.BadRequest e) {
      status = e.error().httpStatus();
      reply.error(ex, ctx, e.error());
    } catch (IOException | RuntimeException e) {
      status = 500;
      LOG.warn("request failed: {}", e.toString());
      reply.error(ex, ctx, new ServerError(ServerError.UNKNOWN_EXCEPTION, e.toString()));
    } finally {
      ex.close();
      if (built != null) {
        Uploads.deleteQuietly(built.upload());
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} query_id={} db={} kind={} sql_bytes={} settings={} params={} -> {} in {} ms",
            ex.getRequestMethod(),
            ex.getRequestURI().getPath(),
            ctx == null ? "-" : ctx.queryId(),
            ctx == null ? "-" : ctx.database(),
            built == null ? "-" : built.kind(),
            built == null ? 0 : built.sql().length,
            ctx == null ? "-" : ctx.settings().keySet(),
            ctx == null ? "-" : ctx.parameters().keySet(),
            status,
            (System.nanoTime() - start) / 1_000_000);
      }
    }
  }

  private static ServerError authenticationFailed(String user) {
    return new ServerError(
        ServerError.AUTHENTICATION_FAILED,
        user
            + ": Authentication failed: password is incorrect, or there is no user with such"
            + " name. (AUTHENTICATION_FAILED)");
  }
}
