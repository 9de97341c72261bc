package io.kubecdc.sink.decode;

/** Finds the end of a JSON object in raw UTF-8 bytes without parsing it, respecting strings. */
final class JsonScan {
  private JsonScan() {}

  /**
   * The index just past the object that starts with the {@code '{'} at {@code start}, or -1 if it
   * does not end within the bytes.
   */
  static int objectEnd(byte[] b, int start) {
    int depth = 0;
    int i = start;
    int n = b.length;
    while (i < n) {
      byte c = b[i++];
      if (c == '"') {
        i = stringEnd(b, i);
        if (i < 0) {
          return -1;
        }
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The index just past the closing quote of a string whose content starts at {@code i}. */
  private static int stringEnd(byte[] b, int i) {
    int n = b.length;
    while (i < n) {
      byte c = b[i++];
      if (c == '"') {
        return i;
      }
      if (c == '\\') {
        i++;
      }
    }
    return -1;
  }

  /** Whether {@code b} holds {@code prefix} at {@code at}. */
  static boolean regionEquals(byte[] b, int at, byte[] prefix) {
    return at >= 0
        && b.length - at >= prefix.length
        && java.util.Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
  }

  static int hash(byte[] b, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }
}
