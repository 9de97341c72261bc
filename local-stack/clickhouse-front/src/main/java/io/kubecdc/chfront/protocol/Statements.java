package io.kubecdc.chfront.protocol;

import java.util.Optional;
import java.util.OptionalInt;

/** What the front needs to know about a statement text before handing it to the engine. */
public final class Statements {
  private Statements() {}

  /** The name of a top-level {@code FORMAT} clause of a query, if any. */
  public static Optional<String> outputFormat(String sql) {
    return Optional.ofNullable(SqlScanner.formatClause(sql));
  }

  /**
   * Where a second statement starts: the offset of the {@code ;} that ends the first one when
   * something other than further {@code ;}, spaces and comments follows it. The HTTP interface of
   * ClickHouse runs one statement per request; a trailing {@code ;} is allowed.
   */
  public static OptionalInt secondStatement(String sql) {
    SqlScanner sc = new SqlScanner(sql);
    int separator = -1;
    while (sc.next() != SqlScanner.Kind.END) {
      boolean semicolon = sc.kind == SqlScanner.Kind.OTHER && sc.text().equals(";");
      if (!semicolon && separator >= 0) {
        return OptionalInt.of(separator);
      }
      if (semicolon && separator < 0) {
        separator = sc.start;
      }
    }
    return OptionalInt.empty();
  }

  /** The first keyword, upper-cased ({@code SELECT}, {@code INSERT}, ...), or empty. */
  public static String leadingKeyword(String sql) {
    return SqlScanner.leadingKeyword(sql);
  }

  /**
   * Recognizes {@code INSERT INTO <table> [(cols)] [SETTINGS ...] FORMAT <name>} whose data follows
   * the format name. Other statements (including {@code INSERT ... VALUES} and {@code INSERT ...
   * SELECT}) are not data inserts and return empty.
   *
   * @param text statement text, possibly followed by the data (one char per byte)
   */
  public static Optional<InsertStatement> dataInsert(String text) {
    SqlScanner sc = new SqlScanner(text);
    if (sc.next() != SqlScanner.Kind.WORD || !sc.isWord("INSERT")) {
      return Optional.empty();
    }
    if (sc.next() != SqlScanner.Kind.WORD || !sc.isWord("INTO")) {
      return Optional.empty();
    }
    sc.next();
    if (sc.isWord("TABLE")) {
      sc.next();
    }
    if (sc.isWord("FUNCTION")) {
      return Optional.empty();
    }
    skipQualifiedName(sc);
    int settingsStart = -1;
    while (sc.kind != SqlScanner.Kind.END) {
      if (sc.isWord("VALUES") || sc.isWord("SELECT") || sc.isWord("WITH") || sc.isWord("FROM")) {
        return Optional.empty();
      }
      if (sc.isWord("SETTINGS") && settingsStart < 0) {
        settingsStart = sc.start;
      }
      if (sc.isWord("FORMAT")) {
        int formatKeyword = sc.start;
        if (sc.next() != SqlScanner.Kind.WORD) {
          return Optional.empty();
        }
        int clauseStart = settingsStart >= 0 ? settingsStart : formatKeyword;
        return Optional.of(
            new InsertStatement(
                text.substring(0, clauseStart).strip(),
                text.substring(clauseStart, sc.end),
                sc.text(),
                dataStart(text, sc.end)));
      }
      sc.next();
    }
    return Optional.empty();
  }

  private static void skipQualifiedName(SqlScanner sc) {
    // the current token is the table name (word or quoted); consume "db . table"
    sc.next();
    if (sc.kind == SqlScanner.Kind.OTHER && sc.text().equals(".")) {
      sc.next();
      sc.next();
    }
  }

  /** Data starts after the first newline following the format name, else at the next non-space. */
  static int dataStart(String text, int afterFormat) {
    int i = afterFormat;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      if (text.charAt(i) == '\n') {
        return i + 1;
      }
      i++;
    }
    return i;
  }
}
