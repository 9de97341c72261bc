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
 * Recognises the placeholder for an unchanged TOASTed value (the connector's {@code
 * unavailable.value.placeholder}, the worker's {@code toastPlaceholder}) in each form it takes: the
 * text itself (text, json, text-like arrays as their single element), its bytes (bytea, base64 in
 * JSON), a name-based UUID of its bytes (uuid arrays), and one element per placeholder byte
 * (numeric arrays). A real value equal to one of these forms is indistinguishable and is taken as
 * the placeholder; boolean arrays are never taken as one (28 {@code true}s are a plausible value).
 */
public final class Placeholder {
  /** Debezium's default, for connectors that do not set their own. */
  public static final Placeholder DEBEZIUM_DEFAULT = new Placeholder(EventShape.UNAVAILABLE_VALUE);

  private final byte[] bytes;
  private final char[] text;
  private final char[] base64;
  private final char[] uuidText;

  public Placeholder(String value) {
    this.bytes = value.getBytes(StandardCharsets.UTF_8);
    this.text = value.toCharArray();
    this.base64 = Base64.getEncoder().encodeToString(bytes).toCharArray();
    this.uuidText = UUID.nameUUIDFromBytes(bytes).toString().toCharArray();
  }

  /** Whether the current string token is the placeholder text. */
  boolean isText(JsonParser p) throws IOException {
    return textEquals(p, text);
  }

  boolean isBase64(JsonParser p) throws IOException {
    return textEquals(p, base64);
  }

  boolean isUuid(JsonParser p) throws IOException {
    return textEquals(p, uuidText);
  }

  boolean isNumericArray(List<Object> list) {
    if (list.size() != bytes.length || !(list.get(0) instanceof Number)) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      Object v = list.get(i);
      boolean same =
          v instanceof BigDecimal d
              ? d.unscaledValue().intValue() == bytes[i] && d.unscaledValue().bitLength() < 8
              : v instanceof Number n && n.doubleValue() == bytes[i];
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
