package io.kubecdc.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;

/**
 * A Debezium change event in Connect's JSON form with schemas (schema + payload), read just far
 * enough for the stack's own tests. The sink-worker has the real decoder.
 */
public record ChangeEvent(JsonNode schema, JsonNode payload) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses a record value; a tombstone (null value) gives null. */
  public static ChangeEvent parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(value);
      return new ChangeEvent(node.path("schema"), node.path("payload"));
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON change event", e);
    }
  }

  public String op() {
    return payload.path("op").asText();
  }

  /** The row image, {@code before} or {@code after}; a missing image is a JSON null node. */
  public JsonNode image(String which) {
    return payload.path(which);
  }

  /** The source position: the PostgreSQL LSN, monotonic per row. */
  public long lsn() {
    return payload.path("source").path("lsn").asLong();
  }

  /**
   * A Connect Decimal column: base64 of the two's-complement unscaled value, with the scale in the
   * field's schema parameters. The types travel with the data.
   */
  public BigDecimal decimal(String image, String column) {
    JsonNode field = field(image, column);
    if (!"org.apache.kafka.connect.data.Decimal".equals(field.path("name").asText())) {
      throw new IllegalArgumentException(image + "." + column + " is not a Connect Decimal");
    }
    int scale = Integer.parseInt(field.path("parameters").path("scale").asText());
    JsonNode value = payload.path(image).path(column);
    if (value.isNull() || value.isMissingNode()) {
      return null;
    }
    return new BigDecimal(new BigInteger(Base64.getDecoder().decode(value.asText())), scale);
  }

  private JsonNode field(String image, String column) {
    for (JsonNode f : schema.path("fields")) {
      if (f.path("field").asText().equals(image)) {
        for (JsonNode c : f.path("fields")) {
          if (c.path("field").asText().equals(column)) {
            return c;
          }
        }
      }
    }
    throw new IllegalArgumentException("no column " + image + "." + column + " in the schema");
  }
}
