package io.kubecdc.chfront.protocol;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error as the ClickHouse HTTP interface reports it: the numeric code (header {@code
 * X-ClickHouse-Exception-Code}), the HTTP status the server maps it to, and the body text {@code
 * Code: <n>. DB::Exception: <message>}.
 */
public record ServerError(int code, String message) {
  public static final int UNKNOWN_EXCEPTION = 1002;
  public static final int SYNTAX_ERROR = 62;
  public static final int AUTHENTICATION_FAILED = 516;
  public static final int UNKNOWN_SETTING = 115;
  public static final int CANNOT_PARSE_INPUT = 27;
  public static final int NOT_IMPLEMENTED = 48;

  private static final Pattern CODE = Pattern.compile("^\\s*Code:\\s*(\\d+)\\.\\s*");
  private static final Pattern PREFIX = Pattern.compile("^\\s*(?:DB::Exception:\\s*)?");

  private static final Set<Integer> BAD_REQUEST =
      Set.of(27, 26, 32, 33, 34, 35, 36, 38, 41, 42, 43, 44, 53, 62, 69, 72, 73, 130, 131, 457);
  private static final Set<Integer> NOT_FOUND =
      Set.of(46, 47, 60, 63, 73, 81, 83, 84, 115, 116, 170, 380, 511);

  /** Parses an engine error text such as {@code Code: 60. DB::Exception: ... (UNKNOWN_TABLE)}. */
  public static ServerError parse(String text) {
    String t = text == null ? "" : text.strip();
    Matcher m = CODE.matcher(t);
    if (m.find()) {
      int code = Integer.parseInt(m.group(1));
      return new ServerError(code, PREFIX.matcher(t.substring(m.end())).replaceFirst(""));
    }
    return new ServerError(UNKNOWN_EXCEPTION, t.isEmpty() ? "Unknown error" : t);
  }

  /** The HTTP status real ClickHouse answers with for this code. */
  public int httpStatus() {
    if (code == AUTHENTICATION_FAILED || code == 194 || code == 195) {
      return 401;
    }
    if (code == 497) {
      return 403;
    }
    if (NOT_FOUND.contains(code)) {
      return 404;
    }
    if (BAD_REQUEST.contains(code)) {
      return 400;
    }
    if (code == NOT_IMPLEMENTED) {
      return 501;
    }
    return 500;
  }

  /** Body text, ending with the server version like the real server does. */
  public String body(String version) {
    return "Code: " + code + ". DB::Exception: " + message + " (version " + version + ")\n";
  }
}
