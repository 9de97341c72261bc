package io.kubecdc.chfront.protocol;

/**
 * A minimal SQL lexer: enough to find keywords at parenthesis depth 0 outside strings, quoted
 * identifiers and comments. Works on text where one char is one byte (ISO-8859-1 views of UTF-8 are
 * fine: multi-byte sequences never look like ASCII tokens).
 */
final class SqlScanner {
  enum Kind {
    WORD,
    QUOTED,
    OTHER,
    END
  }

  private final String s;
  private int pos;
  private int depth;
  Kind kind;
  int start;
  int end;
  int tokenDepth;

  SqlScanner(String s) {
    this.s = s;
  }

  /** Advances to the next token and returns its kind. */
  Kind next() {
    skipSpaceAndComments();
    start = pos;
    tokenDepth = depth;
    if (pos >= s.length()) {
      end = pos;
      return kind = Kind.END;
    }
    char c = s.charAt(pos);
    if (Character.isLetter(c) || c == '_') {
      while (pos < s.length()
          && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      kind = Kind.WORD;
    } else if (c == '\'' || c == '"' || c == '`') {
      pos++;
      while (pos < s.length() && s.charAt(pos) != c) {
        pos += s.charAt(pos) == '\\' ? 2 : 1;
      }
      pos = Math.min(pos + 1, s.length());
      kind = Kind.QUOTED;
    } else {
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
        tokenDepth = depth;
      }
      pos++;
      kind = Kind.OTHER;
    }
    end = pos;
    return kind;
  }

  String text() {
    return s.substring(start, end);
  }

  boolean isWord(String keyword) {
    return kind == Kind.WORD && tokenDepth == 0 && keyword.equalsIgnoreCase(text());
  }

  private void skipSpaceAndComments() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (s.startsWith("--", pos) || c == '#') {
        int nl = s.indexOf('\n', pos);
        pos = nl < 0 ? s.length() : nl + 1;
      } else if (s.startsWith("/*", pos)) {
        int close = s.indexOf("*/", pos + 2);
        pos = close < 0 ? s.length() : close + 2;
      } else {
        return;
      }
    }
  }

  /** The first keyword of a statement, upper-cased, or empty. */
  static String leadingKeyword(String sql) {
    SqlScanner sc = new SqlScanner(sql);
    return sc.next() == Kind.WORD ? sc.text().toUpperCase(java.util.Locale.ROOT) : "";
  }

  /** The name in a top-level {@code FORMAT <name>} clause, or null. */
  static String formatClause(String sql) {
    SqlScanner sc = new SqlScanner(sql);
    String found = null;
    boolean afterFormat = false;
    while (sc.next() != Kind.END) {
      if (afterFormat && sc.kind == Kind.WORD) {
        found = sc.text();
      }
      afterFormat = sc.isWord("FORMAT");
    }
    return found;
  }
}
