package io.kubecdc.sink.decode;

import com.fasterxml.jackson.core.JsonParser;
import io.kubecdc.contract.EventShape;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Recognises Debezium's placeholder for an unchanged TOASTed value in each form it takes: the text
 * itself (text, json, text-like arrays as their single element), its bytes (bytea, base64 in JSON),
 * a name-based UUID of its bytes (uuid arrays), and one element per placeholder byte (numeric
 * arrays). A real value equal to one of these forms is indistinguishable and is taken as the
 * placeholder; boolean arrays are never taken as one (28 {@code true}s are a plausible value).
 */
final class Placeholder {
  private static final byte[] BYTES = EventShape.UNAVAILABLE_VALUE.getBytes(StandardCharsets.UTF_8);
  private static final char[] TEXT = EventShape.UNAVAILABLE_VALUE.toCharArray();
  private static final char[] BASE64 = Base64.getEncoder().encodeToString(BYTES).toCharArray();
  private static final char[] UUID_TEXT = UUID.nameUUIDFromBytes(BYTES).toString().toCharArray();

  private Placeholder() {}

  /** Whether the current string token is the placeholder text. */
  static boolean isText(JsonParser p) throws IOException {
    return textEquals(p, TEXT);
  }

  static boolean isBase64(JsonParser p) throws IOException {
    return textEquals(p, BASE64);
  }

  static boolean isUuid(JsonParser p) throws IOException {
    return textEquals(p, UUID_TEXT);
  }

  static boolean isNumericArray(List<Object> list) {
    if (list.size() != BYTES.length || !(list.get(0) instanceof Number)) {
      return false;
    }
    for (int i = 0; i < BYTES.length; i++) {
      Object v = list.get(i);
      boolean same =
          v instanceof BigDecimal d
              ? d.unscaledValue().intValue() == BYTES[i] && d.unscaledValue().bitLength() < 8
              : v instanceof Number n && n.doubleValue() == BYTES[i];
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static boolean textEquals(JsonParser p, char[] expected) throws IOException {
    if (p.getTextLength() != expected.length) {
      return false;
    }
    char[] chars = p.getTextCharacters();
    int off = p.getTextOffset();
    for (int i = 0; i < expected.length; i++) {
      if (chars[off + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
