package io.kubecdc.sink.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the Kafka records of a Debezium table topic, produced with the settings of {@link
 * io.kubecdc.contract.EventShape}, into {@link ChangeEvent}s. Not thread-safe; one per consumer.
 *
 * <p>Kafka's JsonConverter writes {@code {"schema":{...},"payload":{...}}}, and the schema (most of
 * the bytes) repeats in every record: the fast path recognises it by its raw bytes in a {@link
 * SchemaCache} and streams only the payload. Any other layout (key order, whitespace) takes a slow
 * path through a JSON tree, with the same result.
 */
public final class EventDecoder {
  private static final byte[] SCHEMA_PREFIX = ascii("{\"schema\":");
  private static final byte[] PAYLOAD_SEPARATOR = ascii(",\"payload\":");
  private static final ChangeEvent.Tombstone TOMBSTONE = new ChangeEvent.Tombstone();

  private final ObjectMapper mapper;
  private final SchemaCache schemas;
  private final PayloadReader payloads;

  /** A decoder for connectors that use Debezium's default TOAST placeholder. */
  public EventDecoder() {
    this(Placeholder.DEBEZIUM_DEFAULT);
  }

  /** A decoder for events whose unchanged TOASTed values carry {@code placeholder}. */
  public EventDecoder(Placeholder placeholder) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    this.mapper = new ObjectMapper(factory);
    this.schemas = new SchemaCache(mapper);
    this.payloads = new PayloadReader(factory, placeholder);
  }

  /**
   * Decodes one record value; a null value is a {@link ChangeEvent.Tombstone}.
   *
   * @throws DecodeException if the record is not a Debezium change event this sink understands
   */
  public ChangeEvent decode(byte[] value) throws DecodeException {
    if (value == null) {
      return TOMBSTONE;
    }
    try {
      if (JsonScan.regionEquals(value, 0, SCHEMA_PREFIX)
          && value.length > SCHEMA_PREFIX.length
          && value[SCHEMA_PREFIX.length] == '{') {
        SchemaCache.Entry e = schemas.lookup(value, SCHEMA_PREFIX.length);
        int payload = SCHEMA_PREFIX.length + e.bytes().length;
        if (JsonScan.regionEquals(value, payload, PAYLOAD_SEPARATOR)) {
          int from = payload + PAYLOAD_SEPARATOR.length;
          return payloads.read(value, from, value.length - from, e.schema());
        }
      }
      return slowPath(value);
    } catch (IOException | RuntimeException e) {
      throw new DecodeException("malformed change event: " + e.getMessage(), e);
    }
  }

  private ChangeEvent slowPath(byte[] value) throws IOException, DecodeException {
    JsonNode root = mapper.readTree(value);
    if (root == null || !root.isObject()) {
      throw new DecodeException("a change event must be a JSON object");
    }
    JsonNode payload = root.get("payload");
    if (payload == null) {
      throw new DecodeException("record has no payload (schemas.enable must be true)");
    }
    if (payload.isNull()) {
      return TOMBSTONE;
    }
    JsonNode schema = root.get("schema");
    if (schema == null || !schema.isObject()) {
      throw new DecodeException("record has no schema (schemas.enable must be true)");
    }
    EventSchema s = schemas.lookup(mapper.writeValueAsBytes(schema), 0).schema();
    byte[] p = mapper.writeValueAsBytes(payload);
    return payloads.read(p, 0, p.length, s);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
