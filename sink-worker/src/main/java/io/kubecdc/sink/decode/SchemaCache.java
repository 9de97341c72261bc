package io.kubecdc.sink.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Decoded schemas by the raw bytes of the {@code schema} section that carried them. Every record
 * repeats its schema, so the section is compared, not parsed: first against the schema of the
 * previous record (one memory comparison, no scan), then by hash among all seen ones.
 */
final class SchemaCache {
  private static final int MAX_ENTRIES = 4096;

  /** A cached schema section and the schema decoded from it. */
  record Entry(byte[] bytes, EventSchema schema) {}

  private final ObjectMapper mapper;
  private final Map<Integer, Entry[]> byHash = new HashMap<>();
  private Entry last;
  private int size;

  SchemaCache(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The entry for the schema object starting at {@code start} (a {@code '{'}). */
  Entry lookup(byte[] value, int start) throws DecodeException {
    Entry mru = last;
    if (mru != null && JsonScan.regionEquals(value, start, mru.bytes)) {
      // an identical prefix that is a complete JSON object is that very object
      return mru;
    }
    int end = JsonScan.objectEnd(value, start);
    if (end < 0) {
      throw new DecodeException("malformed JSON: the schema object does not end");
    }
    int hash = JsonScan.hash(value, start, end);
    Entry[] chain = byHash.get(hash);
    if (chain != null) {
      for (Entry e : chain) {
        if (Arrays.equals(value, start, end, e.bytes, 0, e.bytes.length)) {
          last = e;
          return e;
        }
      }
    }
    Entry e = new Entry(Arrays.copyOfRange(value, start, end), parse(value, start, end));
    if (size >= MAX_ENTRIES) {
      byHash.clear();
      size = 0;
    }
    Entry[] grown = chain == null ? new Entry[1] : Arrays.copyOf(chain, chain.length + 1);
    grown[grown.length - 1] = e;
    byHash.put(hash, grown);
    size++;
    last = e;
    return e;
  }

  private EventSchema parse(byte[] value, int start, int end) throws DecodeException {
    JsonNode node;
    try {
      node = mapper.readTree(value, start, end - start);
    } catch (IOException e) {
      throw new DecodeException("malformed JSON in the schema: " + e.getMessage(), e);
    }
    return SchemaParser.parse(node);
  }
}
