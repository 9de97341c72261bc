package io.kubecdc.sink.clickhouse;

import com.clickhouse.client.api.ServerException;
import java.util.Set;

/**
 * Tells availability errors (retry) from data errors (the rows are bad). Anything that is not a
 * server answer (connection refused, socket timeout, broken stream) is availability. Of the server
 * answers, the codes below mean "not now" or "not this setup" rather than "not these rows".
 */
public final class ClickHouseErrors {
  /**
   * 3 UNEXPECTED_END_OF_FILE (cut connection), 159 TIMEOUT_EXCEEDED, 164 READONLY, 202
   * TOO_MANY_SIMULTANEOUS_QUERIES, 203 NO_FREE_CONNECTION, 209 SOCKET_TIMEOUT, 210 NETWORK_ERROR,
   * 241 MEMORY_LIMIT_EXCEEDED, 242 TABLE_IS_READ_ONLY, 252 TOO_MANY_PARTS, 236 ABORTED, 394
   * QUERY_WAS_CANCELLED, 425 SYSTEM_ERROR, 999 KEEPER_EXCEPTION, 60 UNKNOWN_TABLE, 81
   * UNKNOWN_DATABASE, 192 UNKNOWN_USER, 193 WRONG_PASSWORD, 194 REQUIRED_PASSWORD, 497
   * ACCESS_DENIED, 516 AUTHENTICATION_FAILED.
   */
  static final Set<Integer> AVAILABILITY_CODES =
      Set.of(
          3, 159, 164, 202, 203, 209, 210, 241, 242, 252, 236, 394, 425, 999, 60, 81, 192, 193, 194,
          497, 516);

  private ClickHouseErrors() {}

  /** Maps a client failure onto the sink's two kinds. */
  public static RuntimeException classify(String what, Throwable error) {
    ServerException server = serverException(error);
    if (server != null && !AVAILABILITY_CODES.contains(server.getCode())) {
      return new ClickHouseRejectedException(
          server.getCode(),
          what + " rejected: code " + server.getCode() + ": " + firstLine(server),
          error);
    }
    String detail =
        server != null ? "code " + server.getCode() + ": " + firstLine(server) : describe(error);
    return new ClickHouseUnavailableException(what + " failed: " + detail, error);
  }

  static ServerException serverException(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ServerException se) {
        return se;
      }
    }
    return null;
  }

  private static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static String firstLine(Throwable t) {
    String m = String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
