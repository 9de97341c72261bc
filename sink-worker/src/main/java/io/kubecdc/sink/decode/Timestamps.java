package io.kubecdc.sink.decode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses Debezium's ZonedTimestamp text ({@code 2024-02-29T10:34:56.789012Z}: ISO-8601 in UTC, 0 to
 * 9 fraction digits) without a formatter; any other shape goes through {@link
 * OffsetDateTime#parse}.
 */
final class Timestamps {
  private Timestamps() {}

  static Instant parseUtc(char[] c, int off, int len) throws DecodeException {
    if (len >= 20 && isFast(c, off, len)) {
      int year = digits(c, off, 4);
      int month = digits(c, off + 5, 2);
      int day = digits(c, off + 8, 2);
      int hour = digits(c, off + 11, 2);
      int minute = digits(c, off + 14, 2);
      int second = digits(c, off + 17, 2);
      int nanos = 0;
      int end = off + len - 1; // the 'Z'
      if (end > off + 19) {
        int n = end - (off + 20);
        nanos = digits(c, off + 20, n);
        for (int i = n; i < 9; i++) {
          nanos *= 10;
        }
      }
      if (month >= 1
          && month <= 12
          && day >= 1
          && day <= 31
          && hour < 24
          && minute < 60
          && second < 60) {
        try {
          long days = LocalDate.of(year, month, day).toEpochDay();
          return Instant.ofEpochSecond(
              days * 86_400L + hour * 3600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
          // not a calendar date: the slow path reports it
        }
      }
    }
    String text = new String(c, off, len);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new DecodeException("not an ISO-8601 timestamp: " + text, e);
    }
  }

  private static boolean isFast(char[] c, int off, int len) {
    if (c[off + 4] != '-' || c[off + 7] != '-' || c[off + 10] != 'T' || c[off + 13] != ':') {
      return false;
    }
    if (c[off + 16] != ':' || c[off + len - 1] != 'Z' || len > 30 || len == 21) {
      return false;
    }
    boolean fields =
        digitsOnly(c, off, 4)
            && digitsOnly(c, off + 5, 2)
            && digitsOnly(c, off + 8, 2)
            && digitsOnly(c, off + 11, 2)
            && digitsOnly(c, off + 14, 2)
            && digitsOnly(c, off + 17, 2);
    if (!fields || len == 20) {
      return fields;
    }
    return c[off + 19] == '.' && digitsOnly(c, off + 20, len - 21);
  }

  private static boolean digitsOnly(char[] c, int off, int n) {
    for (int i = off; i < off + n; i++) {
      if (c[i] < '0' || c[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private static int digits(char[] c, int off, int n) {
    int v = 0;
    for (int i = off; i < off + n; i++) {
      v = v * 10 + (c[i] - '0');
    }
    return v;
  }
}
