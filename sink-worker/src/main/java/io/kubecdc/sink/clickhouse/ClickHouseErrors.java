package io.kubecdc.sink.clickhouse;

import com.clickhouse.client.api.ServerException;
import java.util.Set;

/**
 * Sorts ClickHouse failures by what they say about the rows, because only a failure about one row's
 * data may cost that row (the dead-letter topic); every other failure must hold the rows back and
 * be retried. Anything that is not a server answer (connection refused, socket timeout, broken
 * stream) is availability. Server answers are sorted by their error code (names as in ClickHouse's
 * {@code ErrorCodes}, checked with {@code errorCodeToName} on the engine the tests run):
 *
 * <ul>
 *   <li>availability ({@link ClickHouseUnavailableException}): "not now" - overload, timeouts,
 *       read-only replicas;
 *   <li>systematic ({@link ClickHouseSystematicException}): "not this setup" - the statement the
 *       worker built or the table under it is wrong (syntax, unknown identifier, column or table),
 *       the schema does not match, or the user may not do it. The same statement fails for every
 *       row, so bisecting would dead-letter the whole topic;
 *   <li>data ({@link ClickHouseRejectedException}): any other code, e.g. 27
 *       CANNOT_PARSE_INPUT_ASSERTION_FAILED, 53 TYPE_MISMATCH, 69 ARGUMENT_OUT_OF_BOUND, 70
 *       CANNOT_CONVERT_TYPE, 6 CANNOT_PARSE_TEXT, 72 CANNOT_PARSE_NUMBER, 117 INCORRECT_DATA, 33
 *       CANNOT_READ_ALL_DATA, 321 VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE, 407 DECIMAL_OVERFLOW: the
 *       batch is bisected to find the rows. An unknown code counts as data; bisection still treats
 *       "every row fails the same way" as systematic, and the dead-letter limit bounds the rest.
 * </ul>
 */
public final class ClickHouseErrors {
  /**
   * 3 UNEXPECTED_END_OF_FILE (cut connection), 159 TIMEOUT_EXCEEDED, 164 READONLY, 202
   * TOO_MANY_SIMULTANEOUS_QUERIES, 203 NO_FREE_CONNECTION, 209 SOCKET_TIMEOUT, 210 NETWORK_ERROR,
   * 236 ABORTED, 241 MEMORY_LIMIT_EXCEEDED, 242 TABLE_IS_READ_ONLY, 252 TOO_MANY_PARTS, 394
   * QUERY_WAS_CANCELLED, 425 SYSTEM_ERROR, 999 KEEPER_EXCEPTION.
   */
  static final Set<Integer> AVAILABILITY_CODES =
      Set.of(3, 159, 164, 202, 203, 209, 210, 236, 241, 242, 252, 394, 425, 999);

  /**
   * The statement or the setup: 1 UNSUPPORTED_METHOD, 8 THERE_IS_NO_COLUMN, 10
   * NOT_FOUND_COLUMN_IN_BLOCK, 15 DUPLICATE_COLUMN, 16 NO_SUCH_COLUMN_IN_TABLE, 20
   * NUMBER_OF_COLUMNS_DOESNT_MATCH, 44 ILLEGAL_COLUMN, 46 UNKNOWN_FUNCTION, 47 UNKNOWN_IDENTIFIER,
   * 48 NOT_IMPLEMENTED, 50 UNKNOWN_TYPE, 57 TABLE_ALREADY_EXISTS, 60 UNKNOWN_TABLE, 62
   * SYNTAX_ERROR, 73 UNKNOWN_FORMAT, 81 UNKNOWN_DATABASE, 115 UNKNOWN_SETTING, 192 UNKNOWN_USER,
   * 193 WRONG_PASSWORD, 194 REQUIRED_PASSWORD, 386 NO_COMMON_TYPE, 497 ACCESS_DENIED, 516
   * AUTHENTICATION_FAILED.
   */
  static final Set<Integer> SYSTEMATIC_CODES =
      Set.of(
          1, 8, 10, 15, 16, 20, 44, 46, 47, 48, 50, 57, 60, 62, 73, 81, 115, 192, 193, 194, 386,
          497, 516);

  private ClickHouseErrors() {}

  /** Maps a client failure onto the sink's three kinds. */
  public static RuntimeException classify(String what, Throwable error) {
    ServerException server = serverException(error);
    if (server == null) {
      return new ClickHouseUnavailableException(what + " failed: " + describe(error), error);
    }
    int code = server.getCode();
    String detail = "code " + code + ": " + firstLine(server);
    if (AVAILABILITY_CODES.contains(code)) {
      return new ClickHouseUnavailableException(what + " failed: " + detail, error);
    }
    if (SYSTEMATIC_CODES.contains(code)) {
      return new ClickHouseSystematicException(code, what + " refused: " + detail, error);
    }
    return new ClickHouseRejectedException(code, what + " rejected: " + detail, error);
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
